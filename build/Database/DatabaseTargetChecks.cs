using Engine;

/// <summary>What MigrateDb and RestoreDb check before they touch anything, each failure one line saying what to do.</summary>
internal static class DatabaseTargetChecks
{
    /// <summary>Fails for AWS environments, whose half (ECS tasks, RDS snapshots) needs the AWS client foundation that is not there yet.</summary>
    public static void RequireLocal(IHazDatabase build, string target, string awsWay)
    {
        if (!build.IsLocalDatabase)
        {
            throw new InvalidOperationException(
                $"{target} for environment '{build.DatabaseEnvironment}' would use {awsWay}, which is not available yet (it needs the AWS client foundation); "
                + "use --environment local with DATABASE_URL.");
        }
    }

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
