using System.Globalization;
using Npgsql;
using Xunit;

namespace TestSupport;

/// <summary>
/// A fresh database on the server at TEST_DATABASE_URL for one test class (use as IClassFixture), dropped afterwards:
/// classes run in parallel and never see each other's rows. Without the variable it stays empty, because the
/// [PostgresFact] tests that would use it are skipped (or, on CI, fail on <see cref="ConnectionString"/>).
/// </summary>
public sealed class TestDatabase : IAsyncLifetime
{
    public const string Variable = "TEST_DATABASE_URL";
    public const string Service = "PostgreSQL";

    private readonly List<string> copies = [];
    private string? serverConnectionString;
    private string? connectionString;

    /// <summary>The name of the created database, e.g. test_3f2c....</summary>
    public string Name { get; } = "test_" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);

    /// <summary>Whether the database was created: false when TEST_DATABASE_URL is not set and the tests are skipped.</summary>
    public bool IsCreated => connectionString is not null;

    /// <summary>An Npgsql keyword connection string for the created database.</summary>
    public string ConnectionString =>
        connectionString ?? throw new InvalidOperationException(ServiceRequirement.MissingMessage(Variable, Service));

    /// <summary>The created database as a postgres:// URL, the form DATABASE_URL usually has.</summary>
    public string Url
    {
        get
        {
            var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
            return $"postgres://{Uri.EscapeDataString(builder.Username!)}:{Uri.EscapeDataString(builder.Password ?? "")}@{builder.Host}:{builder.Port}/{Name}";
        }
    }

    public async Task InitializeAsync()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable)))
        {
            return;
        }

        serverConnectionString = ServerAddress.ToConnectionString(ServiceRequirement.Address(Variable, Service));
        await ExecuteOnServerAsync($"CREATE DATABASE \"{Name}\"");
        connectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = Name }.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        if (connectionString is null)
        {
            return;
        }

        // FORCE ends connections still pooled by the app under test, which may be disposed after this fixture.
        foreach (var database in copies.Append(Name))
        {
            await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        }

        connectionString = null;
    }

    /// <summary>A copy of the database as it is now, named <paramref name="prefix"/> + a unique suffix (dropped with this one); its connection string.</summary>
    public async Task<string> CopyAsync(string prefix)
    {
        var copy = prefix + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);
        // A template must have no connections: the test's own pooled ones go first.
        NpgsqlConnection.ClearAllPools();
        await ExecuteOnServerAsync($"CREATE DATABASE \"{copy}\" TEMPLATE \"{Name}\"");
        copies.Add(copy);
        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = copy }.ConnectionString;
    }

    private async Task ExecuteOnServerAsync(string sql)
    {
        // No pooling: the server connection is used twice per class, and a pooled one would outlive the test run.
        var builder = new NpgsqlConnectionStringBuilder(serverConnectionString) { Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
