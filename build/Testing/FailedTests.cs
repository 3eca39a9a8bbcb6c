using System.Xml.Linq;

namespace Pipeline.Testing;

/// <summary>
/// The failed tests of a run, read from its TRX files: CI's log keeps only the end of the output, so the names and the
/// first line of each failure are printed again beside the totals, where a reader of a red run looks first.
/// </summary>
internal static class FailedTests
{
    public sealed record Failure(string Name, string Message)
    {
        public override string ToString() => Message.Length == 0 ? Name : $"{Name}: {Message}";
    }

    public static IReadOnlyList<Failure> FromTrxFiles(IEnumerable<string> paths) =>
        paths.SelectMany(FromTrx).ToList();

    private static IEnumerable<Failure> FromTrx(string path) =>
        XDocument.Load(path).Descendants()
            .Where(e => e.Name.LocalName == "UnitTestResult" && e.Attribute("outcome")?.Value is "Failed" or "Error" or "Timeout" or "Aborted")
            .Select(e => new Failure(e.Attribute("testName")?.Value ?? "(unnamed test)", FirstLine(MessageOf(e))));

    private static string MessageOf(XElement result) =>
        result.Descendants().FirstOrDefault(e => e.Name.LocalName == "Message")?.Value ?? "";

    private static string FirstLine(string text)
    {
        var line = text.Trim().Split('\n', 2)[0].Trim();
        return line.Length <= 300 ? line : line[..300] + "…";
    }
}
