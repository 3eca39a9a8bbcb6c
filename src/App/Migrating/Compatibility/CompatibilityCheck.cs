using Npgsql;

namespace App.Migrating.Compatibility;

/// <summary>
/// Watches the pending scripts run, against a throwaway copy of the schema (<c>--check-compatibility</c>, as MigrateDb
/// runs it locally) or in a transaction that is rolled back (<see cref="TrialRun"/>, <c>--check</c>, as it runs on
/// AWS): the catalog before the first one is what the serving version uses, and after every statement the breaking changes so far are compared with it. A change is
/// blamed on the statement that first made it, and reported if it is still there at the end (a rename undone later
/// is not); those of contract steps are reported as allowed.
/// </summary>
public sealed class CompatibilityCheck
{
    /// <summary>
    /// The check applies the pending scripts for real, so it runs only on databases named like the throwaway copies
    /// MigrateDb makes (build/Database/ScratchDatabase.cs), never on one that serves.
    /// </summary>
    public const string ThrowawayPrefix = "migrate_check_";

    private readonly Dictionary<string, (MigrationScript Script, int Line)> firstSeen = new(StringComparer.Ordinal);
    private CatalogSnapshot? serving;

    public static async Task RequireThrowawayAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = new NpgsqlCommand("SELECT current_database()", connection);
        var name = (string)(await command.ExecuteScalarAsync(cancellationToken))!;
        if (!name.StartsWith(ThrowawayPrefix, StringComparison.Ordinal))
        {
            throw new MigrationUsageException(
                $"--check-compatibility applies the pending scripts, so it runs only on a throwaway copy of the schema (a database named {ThrowawayPrefix}…, "
                + $"as MigrateDb makes), not on {name}");
        }
    }

    public async Task StartAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        serving = await CatalogSnapshot.ReadAsync(connection, cancellationToken);

    public async Task ObserveAsync(NpgsqlConnection connection, MigrationScript script, SqlStatement statement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statement);
        foreach (var change in BreakingChanges.Between(Serving, await CatalogSnapshot.ReadAsync(connection, cancellationToken)))
        {
            firstSeen.TryAdd(change, (script, statement.Line));
        }
    }

    public async Task<IReadOnlyList<CompatibilityFinding>> FinishAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var remaining = BreakingChanges.Between(Serving, await CatalogSnapshot.ReadAsync(connection, cancellationToken));
        return [.. remaining
            .Where(firstSeen.ContainsKey)
            .Select(change => (Change: change, Cause: firstSeen[change]))
            .Select(found => new CompatibilityFinding(found.Cause.Script.Version, found.Cause.Script.FileName, found.Cause.Line, found.Change, found.Cause.Script.IsContract))
            .OrderBy(finding => finding.Version)
            .ThenBy(finding => finding.Line)];
    }

    private CatalogSnapshot Serving => serving ?? throw new InvalidOperationException("StartAsync reads the serving catalog first.");
}
