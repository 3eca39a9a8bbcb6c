using Engine;

namespace BuildTests;

/// <summary>The build's C# sources as the source-reading tests walk them: relative to build/, never a bin or obj copy.</summary>
internal static class BuildSources
{
    public static AbsolutePath Root => TestPaths.RepositoryRoot / "build";

    /// <summary>Each source file with its path relative to build/ ('/'-separated), leaving out the top-level folders named.</summary>
    public static IEnumerable<(string Path, string Relative)> Files(params string[] leftOutFolders)
    {
        foreach (var file in Directory.EnumerateFiles(Root, "*.cs", SearchOption.AllDirectories))
        {
            var relative = System.IO.Path.GetRelativePath(Root, file).Replace('\\', '/');
            var parts = relative.Split('/');
            if (leftOutFolders.Contains(parts[0]) || parts.Contains("obj") || parts.Contains("bin"))
                continue;
            yield return (file, relative);
        }
    }
}
