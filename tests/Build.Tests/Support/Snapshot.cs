namespace BuildTests;

/// <summary>
/// Compares generated text with a stored expected file under Workflows/Expected. To accept a change on purpose, run
/// the tests with UPDATE_SNAPSHOTS=1: the expected files are rewritten, and the diff shows up in review.
/// </summary>
internal static class Snapshot
{
    public static void Match(string relativePath, string actual)
    {
        var path = TestPaths.ProjectDirectory / "Workflows" / "Expected" / relativePath;
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            path.Parent.CreateDirectory();
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"No expected file {path}; run the tests with UPDATE_SNAPSHOTS=1 to create it.");
        var expected = File.ReadAllText(path);
        if (expected != actual)
            Assert.Fail($"{relativePath} differs from the expected file (UPDATE_SNAPSHOTS=1 accepts it):\n{Engine.Workflows.UnifiedDiff.Render(relativePath, expected, actual)}");
    }
}
