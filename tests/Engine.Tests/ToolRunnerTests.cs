namespace Engine.Tests;

public class ToolRunnerTests
{
    [Fact]
    public async Task Output_lines_are_captured_in_order()
    {
        var result = await ToolRunner.RunAsync(new ToolInvocation("sh", ["-c", "printf 'one\\ntwo\\n'; echo three >&2"]) { LogOutput = false });

        Assert.Equal(["one", "two"], result.Output);
        Assert.Equal(["three"], result.Errors);
    }

    [Fact]
    public async Task A_non_zero_exit_throws_with_command_exit_code_and_last_errors()
    {
        var error = await Assert.ThrowsAsync<ToolException>(() =>
            ToolRunner.RunAsync(new ToolInvocation("sh", ["-c", "echo first >&2; echo last >&2; exit 7"]) { LogOutput = false, WorkingDirectory = "/tmp" }));

        Assert.StartsWith("sh -c 'echo first >&2; echo last >&2; exit 7' exited with code 7 (in /tmp)", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("  first" + Environment.NewLine + "  last", error.Message, StringComparison.Ordinal);
        Assert.Equal(7, error.Result!.ExitCode);
    }

    [Fact]
    public async Task A_timeout_stops_the_whole_process_tree()
    {
        var marker = Path.Combine(Path.GetTempPath(), "tool-runner-" + Guid.NewGuid().ToString("N"));
        // The child sleeps and would then create the marker; stopping the tree must prevent that.
        var invocation = new ToolInvocation("sh", ["-c", $"(sleep 2; touch {marker}) & wait"]) { Timeout = TimeSpan.FromMilliseconds(300), LogOutput = false };

        var error = await Assert.ThrowsAsync<ToolException>(() => ToolRunner.RunAsync(invocation));
        await Task.Delay(TimeSpan.FromSeconds(3));

        Assert.Contains("did not finish within 00:00:00.3000000 and was stopped", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(marker), "the grandchild outlived the timeout");
    }

    [Fact]
    public async Task Cancellation_stops_the_tool_and_surfaces_as_cancellation()
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            ToolRunner.RunAsync(new ToolInvocation("sleep", ["30"]) { LogOutput = false }, cancellation.Token));
    }

    [Fact]
    public async Task Cancellation_also_stops_a_background_child_that_outlived_the_tool()
    {
        var marker = Path.Combine(Path.GetTempPath(), "tool-runner-" + Guid.NewGuid().ToString("N"));
        // The shell exits at once; its background child keeps the output open, then would create the marker.
        var invocation = new ToolInvocation("sh", ["-c", $"(sleep 2; touch {marker}) & exit 0"]) { LogOutput = false };
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ToolRunner.RunAsync(invocation, cancellation.Token));
        await Task.Delay(TimeSpan.FromSeconds(3));

        Assert.False(File.Exists(marker), "the background child outlived the cancellation");
    }

    [Fact]
    public void The_tool_override_variable_is_read_from_the_builds_environment()
    {
        using var run = new BuildRun();
        run.Environment["NO_SUCH_TOOL_XYZ_EXE"] = "echo";
        var build = new ToolBuild();

        Assert.Equal(Running.BuildHost.Success, run.Run(build, "Call"));
        Assert.Equal(["through the override"], build.Output);
    }

    [Fact]
    public async Task A_missing_executable_says_so()
    {
        var error = await Assert.ThrowsAsync<ToolException>(() => ToolRunner.RunAsync(new ToolInvocation("no-such-tool-xyz", [])));

        Assert.Contains("Could not start no-such-tool-xyz", error.Message, StringComparison.Ordinal);
    }

    private sealed class ToolBuild : BuildBase
    {
        public IReadOnlyList<string> Output { get; private set; } = [];

        public Target Call => _ => _.Executes(async () =>
            Output = (await ToolRunner.RunAsync(new ToolInvocation("no-such-tool-xyz", ["through the override"]) { LogOutput = false })).Output);
    }
}
