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
    public async Task A_missing_executable_says_so()
    {
        var error = await Assert.ThrowsAsync<ToolException>(() => ToolRunner.RunAsync(new ToolInvocation("no-such-tool-xyz", [])));

        Assert.Contains("Could not start no-such-tool-xyz", error.Message, StringComparison.Ordinal);
    }
}
