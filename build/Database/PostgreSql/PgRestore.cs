using Engine;

namespace Pipeline.Database.PostgreSql;

/// <summary>Typed calls of pg_restore on archives pg_dump wrote in its custom format.</summary>
internal static class PgRestore
{
    /// <summary>Restores the archive into <paramref name="database"/> on the address's server, stopping at the first error.</summary>
    public static Task<ToolResult> Into(DatabaseAddress address, string database, AbsolutePath archive, CancellationToken cancellation) =>
        ToolRunner.RunAsync(
            new ToolInvocation("pg_restore", ["--no-password", "--exit-on-error", "--no-owner", "--no-acl", "--dbname", database, archive])
            {
                Environment = address.ToolEnvironment(database),
            },
            cancellation);

    /// <summary>The archive as the SQL script that would restore it, written to <paramref name="script"/>.</summary>
    public static Task<ToolResult> ToScript(AbsolutePath archive, AbsolutePath script, CancellationToken cancellation) =>
        ToolRunner.RunAsync(new ToolInvocation("pg_restore", ["--no-owner", "--file", script, archive]), cancellation);
}
