using System.Xml.Linq;

namespace Pipeline.Testing;

/// <summary>Passed, failed and skipped counts summed over the TRX files of one test run.</summary>
internal sealed record TestTotals(int Passed, int Failed, int Skipped)
{
    /// <summary>"N passed, N failed" with ", N skipped" when any: the line CI reads.</summary>
    public override string ToString() => $"{Passed} passed, {Failed} failed" + (Skipped > 0 ? $", {Skipped} skipped" : "");

    public static TestTotals FromTrxFiles(IEnumerable<string> paths) =>
        paths.Select(FromTrx).Aggregate(new TestTotals(0, 0, 0), (sum, next) => new TestTotals(sum.Passed + next.Passed, sum.Failed + next.Failed, sum.Skipped + next.Skipped));

    private static TestTotals FromTrx(string path)
    {
        var counters = XDocument.Load(path).Descendants().FirstOrDefault(e => e.Name.LocalName == "Counters")
            ?? throw new InvalidDataException($"{path} has no <Counters> element: not a TRX file?");
        int Count(string name) => int.TryParse(counters.Attribute(name)?.Value, out var value) ? value : 0;
        // Skipped tests: the TRX logger of Microsoft.NET.Test.Sdk 18 leaves notExecuted at 0 and counts them only as not executed.
        return new TestTotals(Count("passed"), Count("failed") + Count("error") + Count("timeout") + Count("aborted"), Math.Max(Count("notExecuted"), Count("total") - Count("executed")));
    }
}
