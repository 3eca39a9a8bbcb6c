using System.Text.RegularExpressions;
using Engine;

namespace Pipeline.Platforms.Local;

/// <summary>
/// Reads what local-environment.sh printed: one "service: state, address (details)" line per service on standard output,
/// and on failure the reason as the last line of standard error.
/// </summary>
internal static partial class LocalEnvironmentReport
{
    private const string Prefix = "local-environment: ";

    /// <summary>The summary table's line: each service and its state ("docker found, registry started, …").</summary>
    public static string Summary(IReadOnlyList<string> output)
    {
        var services = output.Select(line => ServiceLine().Match(line)).Where(m => m.Success)
            .Select(m => $"{m.Groups["service"].Value} {m.Groups["state"].Value}").ToList();
        return services.Count > 0 ? string.Join(", ", services) : "ready";
    }

    /// <summary>The script's one-line reason, without its prefix; its exit code when it printed none (killed by a signal).</summary>
    public static string Failure(ToolResult result)
    {
        var reason = result.Errors.LastOrDefault(line => !string.IsNullOrWhiteSpace(line))?.Trim();
        if (reason is null)
            return $"local-environment.sh up exited with code {result.ExitCode} and said nothing";
        return reason.StartsWith(Prefix, StringComparison.Ordinal) ? reason[Prefix.Length..] : reason;
    }

    [GeneratedRegex(@"^(?<service>[a-z][a-z ]*): (?<state>[^,]+), \S")]
    private static partial Regex ServiceLine();
}
