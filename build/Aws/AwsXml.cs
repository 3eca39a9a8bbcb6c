using System.Globalization;
using System.Xml.Linq;

namespace Pipeline.Aws;

/// <summary>
/// Reading the XML answers of awsQuery (and EC2) by local name: AWS puts every element in the API version's namespace,
/// which says nothing the caller does not already know.
/// </summary>
public static class AwsXml
{
    public static XElement? Child(this XElement element, string name) => element.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    /// <summary>A child's text, or null when the element is absent (AWS leaves out fields it has no value for).</summary>
    public static string? Text(this XElement element, string name) => element.Child(name)?.Value;

    /// <summary>A child's text that the API always returns; its absence is a broken answer, said in one line.</summary>
    public static string Required(this XElement element, string name) =>
        element.Text(name) ?? throw new InvalidOperationException($"AWS answered without {name} in <{element.Name.LocalName}>.");

    public static int? Integer(this XElement element, string name) =>
        element.Text(name) is { } text ? int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture) : null;

    public static DateTimeOffset? Timestamp(this XElement element, string name) =>
        element.Text(name) is { } text ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal) : null;

    /// <summary>The items of a list element: <c>&lt;Name&gt;&lt;member&gt;…&lt;/member&gt;&lt;/Name&gt;</c>; none when the list is absent.</summary>
    public static IEnumerable<XElement> Members(this XElement element, string name, string member = "member") =>
        element.Child(name)?.Elements().Where(e => e.Name.LocalName == member) ?? [];
}
