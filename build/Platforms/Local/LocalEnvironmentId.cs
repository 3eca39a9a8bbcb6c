using Engine;

namespace Pipeline.Platforms.Local;

/// <summary>
/// Which local environment this is: the random id build/services/local-environment.sh writes into the environment's
/// root (&lt;root&gt;/environment-id) when it makes the root, and when that was (the file's time). The state folder
/// outlives the root (it holds the router, per machine), so a root removed and made again, with a new engine data
/// folder and an empty registry, would otherwise inherit the state of the one before: the id tells them apart.
/// </summary>
internal sealed record LocalEnvironmentId(string Value, DateTimeOffset Created, AbsolutePath Root)
{
    public const string FileName = "environment-id";

    /// <summary>Eight characters, enough to tell two environments apart in a log line.</summary>
    public string Short => Shorten(Value);

    public static string Shorten(string id) => id.Length > 8 ? id[..8] : id;

    /// <summary>The id in <paramref name="root"/>, or null when there is none (no local-environment.sh up made that root).</summary>
    public static LocalEnvironmentId? Read(AbsolutePath root)
    {
        var file = root / FileName;
        if (!File.Exists(file))
            return null;
        var value = File.ReadAllText(file).Trim();
        return value.Length == 0 ? null : new LocalEnvironmentId(value, new DateTimeOffset(File.GetLastWriteTimeUtc(file), TimeSpan.Zero), root);
    }

    /// <summary>local-environment.sh's root, found as it finds it: APP_LOCAL_ENV_DIR, else /var/lib/app-pipeline as root, else $XDG_DATA_HOME (or ~/.local/share)/app-pipeline.</summary>
    public static AbsolutePath DefaultRoot()
    {
        if (BuildEnvironment.Get("APP_LOCAL_ENV_DIR") is { Length: > 0 } root)
            return new AbsolutePath(Path.GetFullPath(root));
        if (System.Environment.IsPrivilegedProcess)
            return new AbsolutePath("/var/lib/app-pipeline");
        var data = BuildEnvironment.Get("XDG_DATA_HOME") is { Length: > 0 } folder
            ? folder
            : Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".local", "share");
        return new AbsolutePath(Path.Combine(data, "app-pipeline"));
    }
}
