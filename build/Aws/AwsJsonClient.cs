using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon;
using Amazon.Runtime.Signing;
using Engine;

/// <summary>
/// Calls an AWS API of the JSON protocol (awsJson1_0/1_1: ECR, ECS, CloudWatch): one POST per operation with the
/// X-Amz-Target header, signed by AWSSDK.Core's SigV4 handler, retried by <see cref="AwsRetryPolicy"/>. An error answer
/// becomes an <see cref="AwsServiceException"/>; a service that cannot be reached, one line with its address.
/// </summary>
public sealed class AwsJsonClient : IDisposable
{
    private readonly HttpClient http;
    private readonly AwsRetryPolicy retry;

    public AwsJsonClient(AwsConnection connection, AwsService service, HttpMessageHandler? transport = null)
    {
        Service = service;
        Endpoint = connection.Endpoint(service.Id, service.HostPrefix);
        retry = connection.Retry;
        var signing = new SigV4SigningHandler(connection.Credentials, RegionEndpoint.GetBySystemName(connection.Region), service.SigningName, transport ?? new SocketsHttpHandler());
        http = new HttpClient(signing) { Timeout = TimeSpan.FromSeconds(60) };
    }

    public AwsService Service { get; }
    public Uri Endpoint { get; }

    public async Task<JsonElement> CallAsync(string operation, JsonObject request, CancellationToken cancellation)
    {
        var body = request.ToJsonString();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await SendAsync(operation, body, cancellation);
            }
            catch (Exception e) when (attempt < retry.MaxAttempts && IsRetryable(e, cancellation))
            {
                var delay = retry.DelayAfter(attempt);
                Log.Information($"{Service.Name} {operation}: {Reason(e)}; try {attempt + 1} of {retry.MaxAttempts} in {delay.TotalSeconds:0.0}s");
                await Task.Delay(delay, cancellation);
            }
            catch (AwsServiceException e) when (attempt > 1)
            {
                throw e.AfterTries(attempt);
            }
            catch (HttpRequestException e)
            {
                throw new AwsServiceException($"{Service.Name} {operation} failed: cannot reach {Endpoint} after {attempt} tries: {e.Message}", e);
            }
            catch (TaskCanceledException e) when (!cancellation.IsCancellationRequested)
            {
                throw new AwsServiceException($"{Service.Name} {operation} failed: {Endpoint} did not answer within {http.Timeout.TotalSeconds:0}s ({attempt} tries)", e);
            }
        }
    }

    public void Dispose() => http.Dispose();

    private async Task<JsonElement> SendAsync(string operation, string body, CancellationToken cancellation)
    {
        // A new message per try: the signature covers the time it was made.
        using var message = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = new StringContent(body, Encoding.UTF8) };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue(Service.ContentType);
        message.Headers.Add("X-Amz-Target", $"{Service.TargetPrefix}.{operation}");
        using var response = await http.SendAsync(message, cancellation);
        var text = await response.Content.ReadAsStringAsync(cancellation);
        if (!response.IsSuccessStatusCode)
            throw AwsErrorResponse.Read(Service.Name, operation, response, text);
        using var document = JsonDocument.Parse(text.Length == 0 ? "{}" : text);
        return document.RootElement.Clone();
    }

    private static bool IsRetryable(Exception e, CancellationToken cancellation) => e switch
    {
        AwsServiceException error => AwsRetryPolicy.IsRetryable(error),
        HttpRequestException => true,
        TaskCanceledException => !cancellation.IsCancellationRequested,
        _ => false,
    };

    private static string Reason(Exception e) => e is AwsServiceException error ? $"{error.Code} (HTTP {(int)error.Status})" : e.Message;
}

/// <summary>One AWS service as its JSON protocol names it: signing name, endpoint prefix, X-Amz-Target prefix.</summary>
public sealed record AwsService(string Name, string Id, string SigningName, string HostPrefix, string TargetPrefix, string ContentType);
