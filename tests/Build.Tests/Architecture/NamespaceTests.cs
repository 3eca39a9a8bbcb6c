using System.Text.RegularExpressions;

namespace BuildTests.Architecture;

/// <summary>
/// Capability code is in the namespace of its folder (build/Platforms/Local is Pipeline.Platforms.Local), so a build
/// of one's own imports what it composes and nothing else comes with it; only this repository's Build class (Build*.cs
/// and the workflow declarations, its partial parts) stays in the global namespace, as NUKE's template has it.
/// </summary>
public sealed partial class NamespaceTests
{
    [Fact]
    public void Every_capability_file_declares_its_folder_s_namespace_and_only_the_Build_class_is_global()
    {
        var wrong = new List<string>();
        var checkedFiles = 0;
        foreach (var (file, relative) in BuildSources.Files("Engine", "benchmarks"))
        {
            checkedFiles++;
            var text = File.ReadAllText(file);
            var declared = FileScopedNamespace().Match(text) is { Success: true } match ? match.Groups["name"].Value : null;
            var isBuildClass = BuildClass().IsMatch(text);
            var folder = Path.GetDirectoryName(relative)!.Replace('/', '.');
            var expected = isBuildClass ? null : "Pipeline." + folder;
            if (declared != expected)
                wrong.Add($"{relative}: {declared ?? "global"}, expected {expected ?? "global"}");
        }

        Assert.True(checkedFiles > 100, $"only {checkedFiles} files read under {BuildSources.Root}");
        Assert.Empty(wrong);
    }

    [GeneratedRegex(@"^namespace\s+(?<name>[\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex FileScopedNamespace();

    [GeneratedRegex(@"^internal sealed partial class Build\b", RegexOptions.Multiline)]
    private static partial Regex BuildClass();
}
