using Engine;
using Engine.Output;

namespace BuildTests.Delivery.LiveView;

/// <summary>
/// Outside a terminal a deploy prints exactly the lines it printed before the live view existed: the lines of five
/// deploys and a rollback on the in-memory platform (a first deploy, an abort on errors, a good deploy, a color that
/// never gets healthy, a rollback), against Expected/plain-lines.txt, which the same scenario wrote on the code before
/// the view (commit 362f61b).
/// </summary>
public sealed class PlainLinesTests
{
    private static readonly AbsolutePath Expected = TestPaths.RepositoryRoot / "tests" / "Build.Tests" / "Delivery" / "LiveView" / "Expected" / "plain-lines.txt";

    [Fact]
    public async Task The_plain_lines_are_today_s_lines_exactly()
    {
        var harness = new DeployHarness();
        await harness.DeployAsync(DeployHarness.ImageA);
        harness.Platform.NextBehaviour = Behaviour.ServesErrors;
        await harness.DeployAsync(DeployHarness.ImageB);
        harness.Platform.NextBehaviour = Behaviour.Good;
        await harness.DeployAsync(DeployHarness.ImageB);
        harness.Platform.NextBehaviour = Behaviour.NeverHealthy;
        await harness.DeployAsync(DeployHarness.ImageC);
        await harness.RollbackAsync();

        Assert.Equal(File.ReadAllLines(Expected), harness.Lines);
    }

    [Fact]
    public void A_run_whose_output_is_not_a_terminal_gets_the_plain_lines_written_to_the_build_s_log()
    {
        var written = new StringWriter();
        BuildOutput.Current = new BuildOutput(written, Verbosity.Normal, new SecretMasker(), useColor: false);

        using var view = DeploymentViews.For("local", DeploymentSettings.Default); // the test host's output is redirected
        view.Event("staging 1.0.0 on green");

        Assert.IsType<PlainDeploymentLines>(view);
        Assert.Null(view.Observer);
        Assert.Equal("staging 1.0.0 on green\n", written.ToString());
    }
}
