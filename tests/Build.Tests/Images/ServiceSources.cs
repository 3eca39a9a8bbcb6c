namespace BuildTests.Images;

/// <summary>The real service's sources and what BuildImage reads beside them, copied into a scratch build root.</summary>
internal static class ServiceSources
{
    /// <summary>What BuildImage reads besides the service's folder (IBuildImage.ImageInputs), and the code style the service compiles with.</summary>
    private static readonly string[] RootFiles = [".dockerignore", "global.json", "Directory.Build.props", "Directory.Packages.props", ".editorconfig"];

    public static void CopyInto(string root)
    {
        foreach (var file in RootFiles)
            File.Copy(TestPaths.RepositoryRoot / file, Path.Combine(root, file));
        var service = TestPaths.RepositoryRoot / "src" / "App";
        foreach (var file in Directory.EnumerateFiles(service, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(service, file);
            if (relative.Split(Path.DirectorySeparatorChar)[0] is "bin" or "obj")
                continue;
            var target = Path.Combine(root, "src", "App", relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
