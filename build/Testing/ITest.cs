using Engine;
using Pipeline.Solution;
using Pipeline.Tools;

namespace Pipeline.Testing;

/// <summary>The Test component: every test project of the solution; TRX and Cobertura coverage land in artifacts/test-results.</summary>
public interface ITest : IHazSolution, IHazConfiguration
{
    AbsolutePath TestResultsDirectory => ArtifactsDirectory / "test-results";

    [Parameter("Only tests matching this dotnet test filter, e.g. FullyQualifiedName~Parity")]
    string? TestFilter => TryGetValue(() => TestFilter);

    Target Test => _ => _
        .Description("Run the tests with TRX results and coverage into artifacts/test-results")
        .Produces("artifacts/test-results/**")
        .Executes(async cancellation =>
        {
            if (Directory.Exists(TestResultsDirectory))
                Directory.Delete(TestResultsDirectory, recursive: true);
            var build = await DotNet.Build(Solution, Configuration, cancellation);
            if (build.ExitCode != 0)
                throw new InvalidOperationException($"The solution does not build (dotnet build exit code {build.ExitCode}): see the errors above.");
            var run = await DotNet.TestBuilt(Solution, Configuration, TestResultsDirectory.CreateDirectory(), TestFilter, cancellation);
            var trxFiles = Directory.GetFiles(TestResultsDirectory, "*.trx", SearchOption.AllDirectories);
            var totals = TestTotals.FromTrxFiles(trxFiles);
            File.WriteAllText(TestResultsDirectory / "totals.txt", totals + Environment.NewLine);
            ReportSummary(totals.ToString());
            Log.Information(totals.ToString());
            foreach (var failure in FailedTests.FromTrxFiles(trxFiles))
                Log.Error($"failed: {failure}");
            if (run.ExitCode != 0 || totals.Failed > 0)
                throw new InvalidOperationException($"Tests failed ({totals}; dotnet test exit code {run.ExitCode}). Results: {TestResultsDirectory.RelativeTo(RootDirectory)}");
            if (trxFiles.Length == 0)
                throw new InvalidOperationException("dotnet test produced no TRX file: no test ran.");
        });
}
