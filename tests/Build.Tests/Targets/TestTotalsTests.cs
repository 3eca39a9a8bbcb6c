namespace BuildTests.Targets;

public class TestTotalsTests
{
    [Fact]
    public void Counts_are_summed_over_trx_files_with_skipped_shown_only_when_any()
    {
        var directory = Directory.CreateTempSubdirectory("trx-").FullName;
        try
        {
            var first = Write(directory, "a.trx", passed: 10, failed: 1, notExecuted: 2);
            var second = Write(directory, "b.trx", passed: 5, failed: 0, notExecuted: 0);

            Assert.Equal("15 passed, 1 failed, 2 skipped", TestTotals.FromTrxFiles([first, second]).ToString());
            Assert.Equal("5 passed, 0 failed", TestTotals.FromTrxFiles([second]).ToString());
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Skipped_tests_count_when_the_logger_counts_them_only_as_not_executed()
    {
        var path = Path.Combine(Path.GetTempPath(), $"skipped-{Guid.NewGuid():N}.trx");
        // The counters of a real run (Microsoft.NET.Test.Sdk 18's TRX logger): one skipped fact, notExecuted 0.
        File.WriteAllText(path, """
            <TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
              <ResultSummary outcome="Completed">
                <Counters total="31" executed="30" passed="30" failed="0" error="0" timeout="0" aborted="0" inconclusive="0" passedButRunAborted="0" notRunnable="0" notExecuted="0" disconnected="0" warning="0" completed="0" inProgress="0" pending="0" />
              </ResultSummary>
            </TestRun>
            """);
        try
        {
            Assert.Equal("30 passed, 0 failed, 1 skipped", TestTotals.FromTrxFiles([path]).ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_file_without_counters_is_an_error_not_zero()
    {
        var path = Path.Combine(Path.GetTempPath(), $"not-trx-{Guid.NewGuid():N}.xml");
        File.WriteAllText(path, "<TestRun />");
        try
        {
            Assert.Throws<InvalidDataException>(() => TestTotals.FromTrxFiles([path]));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string Write(string directory, string name, int passed, int failed, int notExecuted)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
              <ResultSummary outcome="Completed">
                <Counters total="{passed + failed + notExecuted}" executed="{passed + failed}" passed="{passed}" failed="{failed}" error="0" timeout="0" aborted="0" notExecuted="{notExecuted}" />
              </ResultSummary>
            </TestRun>
            """);
        return path;
    }
}
