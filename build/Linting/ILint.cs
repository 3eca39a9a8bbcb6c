using Engine;
using Pipeline.Solution;

namespace Pipeline.Linting;

/// <summary>The Lint component: formatting and analyzers over the whole solution, each finding printed as file:line.</summary>
public interface ILint : IHazSolution, IHazConfiguration
{
    Target Lint => _ => _
        .Description("Check formatting (dotnet format --verify-no-changes) and analyzers (build with warnings as errors)")
        .ProceedAfterFailure() // a style finding must not hide test results: Test still runs, the build still fails
        .Executes(async cancellation =>
        {
            var findings = await new LintCheck(RootDirectory, Solution, ArtifactsDirectory / "lint", Configuration).RunAsync(cancellation);
            foreach (var finding in findings)
                Log.Error(finding.ToString());
            if (IsGitHubActions)
            {
                foreach (var finding in findings)
                    Console.WriteLine(finding.ToAnnotation());
            }

            ReportSummary(findings.Count == 0 ? "no findings" : $"{findings.Count} finding(s)");
            if (findings.Count > 0)
                throw new InvalidOperationException($"Lint found {findings.Count} problem(s); run 'dotnet format {Solution.Name}' to fix formatting.");
        });
}
