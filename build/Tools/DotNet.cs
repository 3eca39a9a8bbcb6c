using Engine;

namespace Pipeline.Tools;

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
    /// <param name="properties">MSBuild properties (-p:Name=Value), such as the Version the assembly is stamped with.</param>
    public static Task<ToolResult> PublishSelfContained(
        AbsolutePath project, string runtime, AbsolutePath output, IReadOnlyDictionary<string, string> properties, CancellationToken cancellation) =>
        ToolRunner.RunAsync(
            Invocation([
                "publish", project, "--configuration", "Release", "--runtime", runtime, "--self-contained", "--output", output, "--nologo", "-p:DebugType=none",
                .. properties.Select(p => $"-p:{p.Key}={MsBuildEscape(p.Value)}"),
            ]),
            cancellation);

    /// <summary>
    /// Runs the tests of a solution built before (<see cref="Build"/>). Built as part of the test command, the
    /// projects' test runs follow one another; with --no-build each test project's run starts at once, side by side.
    /// </summary>
    public static Task<ToolResult> TestBuilt(AbsolutePath project, Configuration configuration, AbsolutePath resultsDirectory, string? filter, CancellationToken cancellation) =>
        ToolRunner.RunUncheckedAsync(
            Invocation([
                "test", project, "--no-build", "--configuration", configuration.ToString(), "--nologo",
                "--results-directory", resultsDirectory,
                "--logger", "trx",
                "--logger", "console;verbosity=normal",
                "--collect", "XPlat Code Coverage",
                .. filter is { Length: > 0 } ? ["--filter", filter] : Array.Empty<string>(),
            ]),
            cancellation);

    /// <summary>MSBuild splits -p: values at ';' and ',' and unescapes %XX: a value reaches the property as it is.</summary>
    private static string MsBuildEscape(string value) =>
        value.Replace("%", "%25", StringComparison.Ordinal).Replace(";", "%3B", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);

    private static ToolInvocation Invocation(string[] arguments) => new("dotnet", arguments)
    {
        Environment = new Dictionary<string, string?> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" },
    };
}
