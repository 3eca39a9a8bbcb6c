using Engine;

/// <summary>Typed calls of the dotnet CLI, as NUKE's DotNetTasks: one method per command the pipeline uses.</summary>
internal static class DotNet
{
    public static Task<ToolResult> Build(AbsolutePath project, Configuration configuration, CancellationToken cancellation, params string[] extra) =>
        ToolRunner.RunUncheckedAsync(Invocation(["build", project, "--configuration", configuration.ToString(), "--nologo", .. extra]), cancellation);

    /// <summary>Builds the project and returns the path of the assembly it produced (MSBuild's TargetPath).</summary>
    public static async Task<AbsolutePath> BuildForTargetPath(AbsolutePath project, Configuration configuration, CancellationToken cancellation)
    {
        var invocation = Invocation(["build", project, "--configuration", configuration.ToString(), "--nologo", "-target:Build", "-getProperty:TargetPath"]);
        // Its output is the path alone; build errors come back in the exception.
        var result = await ToolRunner.RunAsync(invocation with { LogOutput = false }, cancellation);
        return new AbsolutePath(result.Output.Last(line => line.Trim().Length > 0).Trim());
    }

    /// <summary>dotnet format with a JSON report of what it would change; exit code 2 means findings.</summary>
    public static Task<ToolResult> FormatVerify(AbsolutePath project, AbsolutePath report, CancellationToken cancellation) =>
        ToolRunner.RunUncheckedAsync(Invocation(["format", project, "--verify-no-changes", "--no-restore", "--severity", "warn", "--report", report]), cancellation);

    /// <summary>A self-contained publish for one runtime into <paramref name="output"/>: what a runtime-deps image runs.</summary>
    public static Task<ToolResult> PublishSelfContained(AbsolutePath project, string runtime, AbsolutePath output, CancellationToken cancellation) =>
        ToolRunner.RunAsync(
            Invocation(["publish", project, "--configuration", "Release", "--runtime", runtime, "--self-contained", "--output", output, "--nologo", "-p:DebugType=none"]),
            cancellation);

    public static Task<ToolResult> Test(AbsolutePath project, Configuration configuration, AbsolutePath resultsDirectory, string? filter, CancellationToken cancellation) =>
        ToolRunner.RunUncheckedAsync(
            Invocation([
                "test", project, "--configuration", configuration.ToString(), "--nologo",
                "--results-directory", resultsDirectory,
                "--logger", "trx",
                "--logger", "console;verbosity=normal",
                "--collect", "XPlat Code Coverage",
                .. filter is { Length: > 0 } ? ["--filter", filter] : Array.Empty<string>(),
            ]),
            cancellation);

    private static ToolInvocation Invocation(string[] arguments) => new("dotnet", arguments)
    {
        Environment = new Dictionary<string, string?> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" },
    };
}
