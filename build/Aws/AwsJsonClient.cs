using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipeline.Aws;

/// <summary>
/// Calls an AWS API of the JSON protocol (awsJson1_0/1_1: ECR, ECS, CloudWatch): one POST per operation with the
/// X-Amz-Target header, signed and retried by <see cref="AwsCall"/>. An error answer becomes an
/// <see cref="AwsServiceException"/>; a service that cannot be reached, one line with its address.
/// </summary>
public sealed class AwsJsonClient : IDisposable
{
    private readonly AwsCall call;

    public AwsJsonClient(AwsConnection connection, AwsService service, HttpMessageHandler? transport = null)
    {
        Service = service;
        call = new AwsCall(connection, service.Name, service.Id, service.SigningName, service.HostPrefix, transport);
    }

    public AwsService Service { get; }
    public Uri Endpoint => call.Endpoint;

    public async Task<JsonElement> CallAsync(string operation, JsonObject request, CancellationToken cancellation)
    {
        var body = request.ToJsonString();
        var text = await call.SendAsync(operation, () => Message(operation, body), cancellation);
        using var document = JsonDocument.Parse(text.Length == 0 ? "{}" : text);
        return document.RootElement.Clone();
    }

    public void Dispose() => call.Dispose();

    private HttpRequestMessage Message(string operation, string body)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = new StringContent(body, Encoding.UTF8) };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue(Service.ContentType);
        message.Headers.Add("X-Amz-Target", $"{Service.TargetPrefix}.{operation}");
        return message;
    }
}

/// <summary>One AWS service as its JSON protocol names it: signing name, endpoint prefix, X-Amz-Target prefix.</summary>
public sealed record AwsService(string Name, string Id, string SigningName, string HostPrefix, string TargetPrefix, string ContentType);
