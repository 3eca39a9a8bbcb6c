namespace BuildTests.Targets;

public class FailedTestsTests
{
    [Fact]
    public void Failed_results_are_named_with_the_first_line_of_their_message_and_passed_ones_are_not()
    {
        var path = Path.Combine(Path.GetTempPath(), $"failed-{Guid.NewGuid():N}.trx");
        File.WriteAllText(path, """
            <?xml version="1.0" encoding="utf-8"?>
            <TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
              <Results>
                <UnitTestResult testName="Tests.A.passes" outcome="Passed" />
                <UnitTestResult testName="Tests.B.fails" outcome="Failed">
                  <Output><ErrorInfo><Message>Assert.Equal() Failure
            Expected: 1
            Actual:   2</Message><StackTrace>at B.fails()</StackTrace></ErrorInfo></Output>
                </UnitTestResult>
                <UnitTestResult testName="Tests.C.times_out" outcome="Timeout" />
              </Results>
            </TestRun>
            """);
        try
        {
            var failures = FailedTests.FromTrxFiles([path]).Select(f => f.ToString()).ToList();

            Assert.Equal(["Tests.B.fails: Assert.Equal() Failure", "Tests.C.times_out"], failures);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
