using System.Text.Json;
using System.Text.RegularExpressions;
using Engine;
using Pipeline.Tools;

namespace Pipeline.Linting;

/// <summary>
/// Lint: a build with warnings as errors (compiler, analyzers and code style, enforced in build), then
/// dotnet format's verification (whitespace and style fixes it would make), read from its JSON report.
/// </summary>
internal sealed partial class LintCheck(AbsolutePath root, AbsolutePath solution, AbsolutePath reportDirectory, Configuration configuration)
{
    public async Task<IReadOnlyList<LintFinding>> RunAsync(CancellationToken cancellation)
    {
        reportDirectory.CreateDirectory();
        var build = await DotNet.Build(solution, configuration, cancellation, "-warnaserror", "--no-incremental", "-clp:NoSummary");
        var findings = build.Output.Select(ParseDiagnostic).OfType<LintFinding>().ToList();
        if (build.ExitCode != 0 && findings.Count == 0)
            throw new ToolException($"dotnet build failed with exit code {build.ExitCode} and no diagnostics to report; see the output above.");

        var report = reportDirectory / "format.json";
        var format = await DotNet.FormatVerify(solution, report, cancellation);
        findings.AddRange(ReadFormatReport(report));
        if (format.ExitCode is not (0 or 2))
            throw new ToolException($"dotnet format failed with exit code {format.ExitCode}; see the output above.");
        return findings.Distinct().OrderBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line).ToList();
    }

    private LintFinding? ParseDiagnostic(string line)
    {
        var match = Diagnostic().Match(line);
        return match.Success
            ? new LintFinding(Relative(match.Groups["file"].Value), int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(match.Groups["column"].Value, System.Globalization.CultureInfo.InvariantCulture), match.Groups["code"].Value, match.Groups["message"].Value.Trim())
            : null;
    }

    private IEnumerable<LintFinding> ReadFormatReport(AbsolutePath report)
    {
        if (!File.Exists(report))
            yield break;
        using var document = JsonDocument.Parse(File.ReadAllText(report));
        foreach (var file in document.RootElement.EnumerateArray())
        {
            var path = Relative(file.GetProperty("FilePath").GetString()!);
            foreach (var change in file.GetProperty("FileChanges").EnumerateArray())
            {
                yield return new LintFinding(path, change.GetProperty("LineNumber").GetInt32(), change.GetProperty("CharNumber").GetInt32(),
                    change.GetProperty("DiagnosticId").GetString()!, change.GetProperty("FormatDescription").GetString()!);
            }
        }
    }

    private string Relative(string path) => new AbsolutePath(path).RelativeTo(root);

    // MSBuild's canonical diagnostic: path(line,col): error CODE: message [project]
    [GeneratedRegex(@"^\s*(?<file>[^(]+)\((?<line>\d+),(?<column>\d+)\): (?:error|warning) (?<code>[A-Z]+\d+): (?<message>.*?)(?: \[[^\]]+\])?$")]
    private static partial Regex Diagnostic();
}
