using Engine;

namespace Pipeline.Database.PostgreSql;

/// <summary>Typed calls of psql: no ~/.psqlrc, errors stop the run, quiet unless something goes wrong.</summary>
internal static class Psql
{
    /// <summary>One SQL command, outside a transaction (CREATE DATABASE and DROP DATABASE refuse to run in one).</summary>
    public static Task<ToolResult> Command(DatabaseAddress address, string sql, CancellationToken cancellation) =>
        ToolRunner.RunAsync(Invocation(address, ["--command", sql]), cancellation);

    /// <summary>The rows of a one-column query, one string each.</summary>
    public static async Task<IReadOnlyList<string>> Query(DatabaseAddress address, string sql, CancellationToken cancellation)
    {
        var result = await ToolRunner.RunAsync(Invocation(address, ["--tuples-only", "--no-align", "--command", sql]) with { LogOutput = false }, cancellation);
        return [.. result.Output.Where(line => line.Length > 0)];
    }

    /// <summary>
    /// <paramref name="firstSql"/>, then the script, in one transaction: if anything fails, everything is rolled back.
    /// Query results (a restore script's SELECT set_config …) are discarded; errors still arrive on standard error.
    /// </summary>
    public static Task<ToolResult> InOneTransaction(DatabaseAddress address, string firstSql, AbsolutePath script, CancellationToken cancellation) =>
        ToolRunner.RunAsync(
            Invocation(address, ["--single-transaction", "--output", OperatingSystem.IsWindows() ? "NUL" : "/dev/null", "--command", firstSql, "--file", script]),
            cancellation);

    private static ToolInvocation Invocation(DatabaseAddress address, string[] arguments) =>
        new("psql", ["--no-psqlrc", "--no-password", "--quiet", "--set", "ON_ERROR_STOP=1", .. arguments]) { Environment = address.ToolEnvironment() };
}
