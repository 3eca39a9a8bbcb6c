using BuildTests.Aws;

namespace BuildTests.Database.Aws;

/// <summary>An RDS PostgreSQL instance made in moto with RDS's own API, and snapshots not taken by MigrateDb.</summary>
internal static class MotoRds
{
    /// <summary>A new environment's name and its RDS instance, app-&lt;environment&gt;, made in moto.</summary>
    public static async Task<(string Environment, string Instance)> NewInstanceAsync()
    {
        var environment = MotoEcsEnvironment.NewEnvironment();
        var instance = $"app-{environment}";
        await CreateInstanceAsync(instance);
        return (environment, instance);
    }

    public static async Task CreateInstanceAsync(string id)
    {
        using var rds = new AwsQueryClient(MotoNetwork.Connection(), Rds.Service);
        var parameters = new AwsQueryParameters()
            .Add("DBInstanceIdentifier", id).Add("DBInstanceClass", "db.t3.micro").Add("Engine", "postgres")
            .Add("AllocatedStorage", 20).Add("MasterUsername", "notes").Add("MasterUserPassword", "not-a-real-password");
        await rds.CallAsync("CreateDBInstance", parameters, CancellationToken.None);
    }

    /// <summary>A snapshot someone else took (no created-by tag), with a name of MigrateDb's shape.</summary>
    public static async Task CreateForeignSnapshotAsync(string instance, string id)
    {
        using var rds = new AwsQueryClient(MotoNetwork.Connection(), Rds.Service);
        await rds.CallAsync("CreateDBSnapshot", new AwsQueryParameters().Add("DBInstanceIdentifier", instance).Add("DBSnapshotIdentifier", id), CancellationToken.None);
    }
}
