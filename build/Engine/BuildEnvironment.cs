namespace Engine;

/// <summary>
/// The one reader of environment variables for the engine and the code it runs: the host's (a test's own
/// dictionary, or the process's), so that nothing needs a process-wide variable to be tested.
/// </summary>
public static class BuildEnvironment
{
    private static readonly AsyncLocal<Func<string, string?>?> Reader = new();

    public static string? Get(string name) => (Reader.Value ?? Environment.GetEnvironmentVariable)(name);

    /// <summary>Set (non-empty) and not "false": how CI systems announce themselves.</summary>
    public static bool IsServerBuild => Get("CI") is { Length: > 0 } ci && ci != "false";

    public static bool IsGitHubActions => Get("GITHUB_ACTIONS") == "true";

    internal static void Use(Func<string, string?> reader) => Reader.Value = reader;
}
