using Engine;

namespace Pipeline.Database.PostgreSql;

/// <summary>Typed calls of pg_dump: the connection comes from <see cref="DatabaseAddress.ToolEnvironment"/>, never the command line.</summary>
internal static class PgDump
{
    /// <summary>The whole database in pg_dump's custom format (compressed, restorable selectively by pg_restore).</summary>
    public static Task<ToolResult> Backup(DatabaseAddress address, AbsolutePath file, CancellationToken cancellation) =>
        ToolRunner.RunAsync(Invocation(address, ["--format=custom", "--file", file]), cancellation);

    /// <summary>Tables, types, functions and indexes without rows.</summary>
    public static Task<ToolResult> SchemaOnly(DatabaseAddress address, AbsolutePath file, CancellationToken cancellation) =>
        ToolRunner.RunAsync(Invocation(address, ["--format=custom", "--schema-only", "--file", file]), cancellation);

    /// <summary>The rows of one table.</summary>
    public static Task<ToolResult> TableData(DatabaseAddress address, string table, AbsolutePath file, CancellationToken cancellation) =>
        ToolRunner.RunAsync(Invocation(address, ["--format=custom", "--data-only", "--table", table, "--file", file]), cancellation);

    private static ToolInvocation Invocation(DatabaseAddress address, string[] arguments) =>
        new("pg_dump", ["--no-password", .. arguments]) { Environment = address.ToolEnvironment() };
}
