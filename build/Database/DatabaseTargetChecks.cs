using Engine;

namespace Pipeline.Database;

/// <summary>What MigrateDb and RestoreDb check before they touch anything, each failure one line saying what to do.</summary>
internal static class DatabaseTargetChecks
{
    /// <summary>DATABASE_URL, parsed; its password registered as a secret in every form a tool might print.</summary>
    public static DatabaseAddress Address(IHazDatabase build, string target)
    {
        var url = build.DatabaseUrl is { Length: > 0 } given
            ? given
            : throw new InvalidOperationException($"{target} needs the database: set DATABASE_URL or pass --database-url (postgres://user:password@host:port/database).");
        var address = DatabaseAddress.Parse(url);
        Secrets.Register(address.Password);
        return address;
    }
}
