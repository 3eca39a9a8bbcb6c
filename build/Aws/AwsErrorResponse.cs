using System.Net;
using System.Text.Json;
using System.Xml.Linq;

namespace Pipeline.Aws;

/// <summary>
/// Reads an AWS error answer into an <see cref="AwsServiceException"/>: JSON protocols put the code in the
/// x-amzn-ErrorType header or __type ("ns#Code"), query protocols in &lt;Error&gt;&lt;Code&gt;; anything else keeps its status.
/// </summary>
internal static class AwsErrorResponse
{
    public static AwsServiceException Read(string service, string operation, HttpResponseMessage response, string body)
    {
        var (code, message) = FromJson(body) ?? FromXml(body) ?? (null, null);
        var requestId = Header(response, "x-amzn-RequestId") ?? Header(response, "x-amz-request-id") ?? XmlRequestId(body);
        code = Header(response, "x-amzn-ErrorType") is { } header ? header.Split(':')[0] : code;
        code = code?.Split('#')[^1];
        var fallback = response.StatusCode == HttpStatusCode.TooManyRequests ? "Throttling" : $"Http{(int)response.StatusCode}";
        var detail = message ?? (body.Length is > 0 and < 200 && !body.Contains('<', StringComparison.Ordinal) ? body.Trim() : response.ReasonPhrase ?? "no message");
        return new AwsServiceException(service, operation, response.StatusCode, code is { Length: > 0 } ? code : fallback, detail, requestId);
    }

    private static (string? Code, string? Message)? FromJson(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return null;
            return (Text(root, "__type") ?? Text(root, "code"), Text(root, "message") ?? Text(root, "Message"));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static (string? Code, string? Message)? FromXml(string body)
    {
        try
        {
            var error = XDocument.Parse(body).Descendants().FirstOrDefault(e => e.Name.LocalName == "Error");
            return error is null ? null : (Child(error, "Code"), Child(error, "Message"));
        }
        catch (System.Xml.XmlException)
        {
            return null;
        }
    }

    /// <summary>Query protocols put the request id in the body: &lt;RequestId&gt; (ELBv2, RDS) or &lt;RequestID&gt; (EC2).</summary>
    private static string? XmlRequestId(string body)
    {
        if (!body.TrimStart().StartsWith('<'))
            return null;
        try
        {
            return XDocument.Parse(body).Descendants().FirstOrDefault(e => e.Name.LocalName is "RequestId" or "RequestID")?.Value;
        }
        catch (System.Xml.XmlException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? Child(XElement element, string name) => element.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
