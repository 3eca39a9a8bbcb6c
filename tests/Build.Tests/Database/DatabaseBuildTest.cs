using BuildTests.Cli;
using TestSupport;

namespace BuildTests.Database;

/// <summary>
/// What each MigrateDb and RestoreDb test starts from: a database of its own on the test PostgreSQL (a new instance per
/// test), a migrations folder with the service's V1, and the compiled build in an empty root, run as a user would
/// but with the service assembly this test project already built.
/// </summary>
public abstract class DatabaseBuildTest : IAsyncLifetime, IDisposable
{
    private readonly CompiledBuild build = new();

    protected DatabaseBuildTest()
    {
        foreach (var profile in new[] { "local", "staging", "production" })
            File.WriteAllText(Path.Combine(build.Root, ".nuke", $"parameters.{profile}.json"), "{}");
        Scripts.Add("V1__create_notes.sql", File.ReadAllText(TestPaths.RepositoryRoot / "src" / "App" / "Migrations" / "V1__create_notes.sql"));
    }

    protected TestDatabase Database { get; } = new();

    protected ScriptFolder Scripts { get; } = new();

    protected string Artifacts => Path.Combine(build.Root, "artifacts");

    public Task InitializeAsync() => Database.InitializeAsync();

    public Task DisposeAsync() => Database.DisposeAsync();

    public void Dispose()
    {
        build.Dispose();
        Scripts.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>The build with DATABASE_URL set to this test's database, or to <paramref name="databaseUrl"/>.</summary>
    protected Task<(int ExitCode, string Output)> RunAsync(string target, string? databaseUrl = null, params string[] args) =>
        build.RunAsync(
            new Dictionary<string, string> { ["DATABASE_URL"] = databaseUrl ?? Database.Url },
            [target, "--service-assembly", Path.Combine(AppContext.BaseDirectory, "App.dll"), .. args.Contains("--migrations-directory") ? [] : new[] { "--migrations-directory", Scripts.Path }, .. args]);

    protected string[] BackupNames() =>
        Directory.Exists(Path.Combine(Artifacts, "backups"))
            ? [.. Directory.GetFiles(Path.Combine(Artifacts, "backups"), "*.dump").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!]
            : [];
}
