using App.Migrating;
using TestSupport;

namespace App.Tests.Migrating;

/// <summary>
/// What each migration test starts from: a database of its own (xunit makes a new instance per test, so this is per
/// test, not per class) and a migrations folder holding the service's V1.
/// </summary>
public abstract class MigrationTest : IAsyncLifetime, IDisposable
{
    protected TestDatabase Database { get; } = new();

    protected ScriptFolder Scripts { get; } = WithTheServicesScripts();

    protected string Url => Database.ConnectionString;

    public Task InitializeAsync() => Database.InitializeAsync();

    public Task DisposeAsync() => Database.DisposeAsync();

    public void Dispose()
    {
        Scripts.Dispose();
        GC.SuppressFinalize(this);
    }

    protected Task<MigrateRun> MigrateAsync(params string[] args) => MigrateRun.StartAsync(Url, ["--migrations", Scripts.Path, .. args]);

    protected Task<string> StateAsync() => DatabaseState.ReadAsync(Url);

    private static ScriptFolder WithTheServicesScripts()
    {
        var folder = new ScriptFolder();
        foreach (var script in ScriptSource.Embedded())
            folder.Add(script.FileName, script.Text);
        return folder;
    }
}
