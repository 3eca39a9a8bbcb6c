using System.Xml.Linq;

namespace Pipeline.Aws;

/// <summary>
/// Calls an AWS API of the query protocol (awsQuery: ELBv2, RDS; EC2's variant too): one form-encoded POST of
/// <c>Action=…&amp;Version=…</c> and the flattened <see cref="AwsQueryParameters"/>, signed and retried by
/// <see cref="AwsCall"/>; the answer is XML, an error an <see cref="AwsServiceException"/> with the &lt;Error&gt;&lt;Code&gt;.
/// </summary>
public sealed class AwsQueryClient : IDisposable
{
    private readonly AwsCall call;

    public AwsQueryClient(AwsConnection connection, AwsQueryService service, HttpMessageHandler? transport = null)
    {
        Service = service;
        call = new AwsCall(connection, service.Name, service.Id, service.SigningName, service.HostPrefix, transport);
    }

    public AwsQueryService Service { get; }
    public Uri Endpoint => call.Endpoint;

    /// <summary>
    /// The operation's result: the <c>&lt;{Operation}Result&gt;</c> element of the answer (empty for an operation that
    /// returns nothing), or the answer's root where there is none, as in EC2's answers.
    /// </summary>
    public async Task<XElement> CallAsync(string operation, IReadOnlyList<KeyValuePair<string, string>> parameters, CancellationToken cancellation)
    {
        IReadOnlyList<KeyValuePair<string, string>> form = [new("Action", operation), new("Version", Service.Version), .. parameters];
        var text = await call.SendAsync(operation, () => Message(form), cancellation);
        if (text.Length == 0)
            return new XElement(operation + "Result");
        var root = XDocument.Parse(text).Root!;
        return root.Child(operation + "Result") ?? root;
    }

    /// <summary>
    /// The operation's result, or null when the service answers <paramref name="notFoundCode"/>: a describe of one
    /// named thing that is not there, which the caller treats as an answer rather than a failure.
    /// </summary>
    public async Task<XElement?> CallOrNullAsync(string operation, IReadOnlyList<KeyValuePair<string, string>> parameters, string notFoundCode, CancellationToken cancellation)
    {
        try
        {
            return await CallAsync(operation, parameters, cancellation);
        }
        catch (AwsServiceException e) when (e.Code == notFoundCode)
        {
            return null;
        }
    }

    /// <summary>
    /// The items of the list <paramref name="list"/> over every page: the call is repeated with <c>Marker</c> set to
    /// the answer's <paramref name="nextMarker"/> (ELBv2 says NextMarker, RDS Marker) until there is none.
    /// </summary>
    public async Task<IReadOnlyList<XElement>> CallAllPagesAsync(
        string operation, IReadOnlyList<KeyValuePair<string, string>> parameters, string list, CancellationToken cancellation, string member = "member", string nextMarker = "NextMarker")
    {
        var items = new List<XElement>();
        for (string? marker = null; ;)
        {
            var result = await CallAsync(operation, marker is null ? parameters : [.. parameters, new("Marker", marker)], cancellation);
            items.AddRange(result.Members(list, member));
            marker = result.Text(nextMarker);
            if (string.IsNullOrEmpty(marker))
                return items;
        }
    }

    public void Dispose() => call.Dispose();

    private HttpRequestMessage Message(IReadOnlyList<KeyValuePair<string, string>> form) =>
        new(HttpMethod.Post, Endpoint) { Content = new FormUrlEncodedContent(form) };
}

/// <summary>One AWS service as the query protocol names it: signing name, endpoint prefix, API version.</summary>
public sealed record AwsQueryService(string Name, string Id, string SigningName, string HostPrefix, string Version);
