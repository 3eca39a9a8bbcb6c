using App.Migrating;
using TestSupport;

namespace App.Tests;

/// <summary>
/// The service on its own fresh database, migrated to the latest version as a deploy would before starting it
/// (a class fixture). The service starts on first use, so without TEST_DATABASE_URL nothing is attempted for
/// skipped tests, and on CI the first test fails saying what is missing.
/// </summary>
public sealed class PostgresApp : IAsyncLifetime
{
    private AppFactory? factory;

    public TestDatabase Database { get; } = new();

    public AppFactory Factory => factory ??= new AppFactory(new Dictionary<string, string?>
    {
        ["DATABASE_URL"] = Database.ConnectionString,
    });

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        if (Database.IsCreated)
        {
            var scripts = ScriptSet.Load(ScriptSource.Embedded());
            await new Migrator(Database.ConnectionString, Database.Name, scripts, TextWriter.Null).RunAsync(MigrateMode.Migrate, null, CancellationToken.None);
        }
    }

    public async Task DisposeAsync()
    {
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        await Database.DisposeAsync();
    }
}
