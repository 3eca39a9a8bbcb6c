using System.Runtime.CompilerServices;
using Engine;

namespace BuildTests;

/// <summary>Where the repository and this test project's sources are: expected files and actionlint live beside the tests.</summary>
internal static class TestPaths
{
    /// <summary>tests/Build.Tests in the source tree (not bin/), so snapshots can be refreshed in place.</summary>
    public static AbsolutePath ProjectDirectory { get; } = new AbsolutePath(ThisFile()).Parent.Parent;

    /// <summary>The repository root: the folder with .nuke/ above the test project.</summary>
    public static AbsolutePath RepositoryRoot { get; } = FindRoot(ProjectDirectory);

    /// <summary>A fresh empty folder under the system temp folder, marked as a build root.</summary>
    public static AbsolutePath NewTemporaryRoot()
    {
        var root = new AbsolutePath(Path.Combine(Path.GetTempPath(), "build-tests-" + Guid.NewGuid().ToString("N")[..12]));
        (root / ".nuke").CreateDirectory();
        return root;
    }

    private static AbsolutePath FindRoot(AbsolutePath start)
    {
        for (var directory = start; ; directory = directory.Parent)
        {
            if (Directory.Exists(directory / ".nuke"))
                return directory;
            if (directory.Parent == directory)
                throw new DirectoryNotFoundException($"No folder with .nuke/ above {start}.");
        }
    }

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
