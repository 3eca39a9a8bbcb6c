using BuildTests.Workflows.Graphs;
using Engine;

namespace BuildTests.Workflows;

/// <summary>Values for later jobs: $GITHUB_OUTPUT on GitHub Actions, artifacts/outputs/NAME.txt for later targets.</summary>
public sealed class WorkflowOutputsTests : IDisposable
{
    private readonly string outputFile = Path.GetTempFileName();
    private readonly string? previous = Environment.GetEnvironmentVariable("GITHUB_OUTPUT");

    public WorkflowOutputsTests() => Environment.SetEnvironmentVariable("GITHUB_OUTPUT", outputFile);

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("GITHUB_OUTPUT", previous);
        File.Delete(outputFile);
    }

    [Fact]
    public void A_value_goes_to_the_step_outputs_and_to_a_file_for_later_targets()
    {
        var build = new DeliveryBuild();

        WorkflowOutputs.Set(build, "image-digest", "sha256:abc");
        WorkflowOutputs.Set(build, "notes", "line one\nline two");

        Assert.Equal("sha256:abc", WorkflowOutputs.Get(build, "image-digest"));
        var lines = File.ReadAllText(outputFile).Split('\n');
        Assert.Equal("image-digest=sha256:abc", lines[0]);
        Assert.Matches("^notes<<(EOF_[0-9A-F]{16})$", lines[1]);
        Assert.Equal(["line one", "line two", lines[1]["notes<<".Length..], ""], lines[2..]);
    }

    [Fact]
    public void An_output_name_GitHub_would_reject_is_refused()
    {
        Assert.Throws<ArgumentException>(() => WorkflowOutputs.Set(new DeliveryBuild(), "image digest", "x"));
        Assert.Null(WorkflowOutputs.Get(new DeliveryBuild(), "never-set"));
    }
}
