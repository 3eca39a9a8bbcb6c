namespace BuildTests.Cli;

public class CommandLineTests
{
    [Fact]
    public async Task Help_lists_targets_with_the_default_and_parameters_with_their_source()
    {
        using var build = new CompiledBuild();

        var (code, output) = await build.RunAsync(new Dictionary<string, string> { ["CONFIGURATION"] = "Release" }, "--help");

        Assert.Equal(0, code);
        Assert.Matches(@"(?m)^  Lint\s+Check formatting", output);
        Assert.Matches(@"(?m)^  Test \(default\)\s+Run the tests", output);
        Assert.Contains("--configuration <Debug|Release>  (env CONFIGURATION)", output, StringComparison.Ordinal);
        Assert.Contains("now: Release (from environment CONFIGURATION)", output, StringComparison.Ordinal);
    }

    /// <summary>
    /// Start-up: the packages behind the GitHub, Docker engine and AWS clients load only when a target calls them, so
    /// --help pays for none. Read from the runtime's own loader events (EventPipe, written to a file by the build's process).
    /// </summary>
    [Fact]
    public async Task Help_loads_neither_Octokit_nor_Docker_DotNet_nor_the_AWS_SDK()
    {
        using var build = new CompiledBuild();
        var trace = Path.Combine(build.Root, "loader.nettrace");

        var (code, output) = await build.RunAsync(new Dictionary<string, string>
        {
            ["DOTNET_EnableEventPipe"] = "1",
            ["DOTNET_EventPipeOutputPath"] = trace,
            ["DOTNET_EventPipeConfig"] = "Microsoft-Windows-DotNETRuntime:0x8:4", // the loader keyword, informational
        }, "--help");

        Assert.True(code == 0, output);
        var events = await File.ReadAllBytesAsync(trace);
        Assert.True(Names(events, "Engine.dll"), "the trace records the build's own assemblies");
        Assert.False(Names(events, "Octokit"), "--help loaded Octokit");
        Assert.False(Names(events, "AWSSDK"), "--help loaded the AWS SDK");
        Assert.False(Names(events, "Docker.DotNet"), "--help loaded Docker.DotNet");

        static bool Names(byte[] events, string name) => events.AsSpan().IndexOf(System.Text.Encoding.Unicode.GetBytes(name)) >= 0;
    }

    [Fact]
    public async Task Plan_prints_the_order_and_writes_a_mermaid_graph()
    {
        using var build = new CompiledBuild();

        var (code, output) = await build.RunAsync(null, "--plan", "Lint", "Test");

        Assert.Equal(0, code);
        Assert.Contains("Plan for Lint Test:", output, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^\s+1\. Lint$", output);
        Assert.Matches(@"(?m)^\s+1\. Test$", output);
        var graph = await File.ReadAllTextAsync(Path.Combine(build.Root, "artifacts", "plan.md"));
        Assert.Contains("```mermaid", graph, StringComparison.Ordinal);
        Assert.Contains("Lint[Lint]", graph, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("error: Unknown target 'NoSuchTarget'. Run --help to list the targets.", "NoSuchTarget")]
    [InlineData("error: Invalid value 'nope' for --verbosity: expected one of Quiet, Minimal, Normal, Verbose.", "Test", "--verbosity", "nope")]
    [InlineData("error: Unknown option --confguration. Did you mean --configuration?", "Test", "--confguration", "Release")]
    [InlineData("error: Invalid value 'Fast' for parameter Configuration (--configuration, from command line): expected one of Debug, Release.", "Test", "--configuration", "Fast")]
    public async Task Bad_usage_exits_2_with_one_clear_line(string expected, params string[] args)
    {
        using var build = new CompiledBuild();

        var (code, output) = await build.RunAsync(null, args);

        Assert.True(code == 2, $"exit code {code}: {output}");
        Assert.Equal(expected, output.Trim());
        Assert.False(Directory.Exists(Path.Combine(build.Root, "artifacts")), "nothing may run on bad usage");
    }

    [Fact]
    public async Task A_failing_target_exits_1_with_the_summary()
    {
        using var build = new CompiledBuild(); // an empty root: no App.sln for Lint to build

        var (code, output) = await build.RunAsync(null, "Lint");

        Assert.Equal(1, code);
        Assert.Matches(@"Lint\s+Failed", output);
        Assert.Contains("Build failed", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_run_keeps_the_parameter_schema_current()
    {
        using var build = new CompiledBuild();

        await build.RunAsync(null, "--help");

        var schema = await File.ReadAllTextAsync(Path.Combine(build.Root, ".nuke", "build.schema.json"));
        Assert.Contains("\"Configuration\"", schema, StringComparison.Ordinal);
        Assert.Contains("\"Debug\"", schema, StringComparison.Ordinal);
        Assert.Contains("\"Lint\"", schema, StringComparison.Ordinal);
    }
}
