using BuildTests.Aws;

namespace BuildTests.Database.Aws;

/// <summary>RDS snapshots against moto: taken, tagged and waited for; only ours restored, to a new instance.</summary>
public sealed class MigrationSnapshotsTests
{
    [MotoFact]
    public async Task A_snapshot_is_taken_tagged_as_ours_and_waited_for_until_available()
    {
        var (environment, instance) = await MotoRds.NewInstanceAsync();
        var clients = MotoDatabaseClients.Create();

        var snapshot = await clients.Snapshots.TakeAsync(instance, instance, environment, TimeSpan.FromMinutes(1), CancellationToken.None);

        Assert.Matches($"^{instance}-[0-9]{{8}}-[0-9]{{6}}$", snapshot.Id);
        Assert.Equal("available", snapshot.Status);
        Assert.Equal(instance, snapshot.InstanceId);
        var tags = await new RdsResourceTags(new AwsQueryClient(MotoNetwork.Connection(), Rds.Service)).ListAsync(snapshot.Arn, CancellationToken.None);
        Assert.Equal("MigrateDb", tags["created-by"]);
        Assert.Equal(environment, tags["environment"]);
        Assert.Equal(snapshot.Id, (await clients.Snapshots.FindOursAsync(snapshot.Id, CancellationToken.None)).Id);
    }

    [MotoFact]
    public async Task Our_snapshot_is_restored_to_a_new_instance_and_the_steps_are_printed()
    {
        var (environment, instance) = await MotoRds.NewInstanceAsync();
        var clients = MotoDatabaseClients.Create();
        var snapshot = await clients.Snapshots.TakeAsync(instance, instance, environment, TimeSpan.FromMinutes(1), CancellationToken.None);
        var names = new EcsNames("app", environment, instance, "app");

        var restored = await clients.Restore.RunAsync(snapshot.Id, instance, names, CancellationToken.None);

        Assert.Matches($"^{instance}-restored-[0-9]{{8}}-[0-9]{{6}}$", restored.Id);
        var found = await clients.Rds.DescribeDbInstance(restored.Id, CancellationToken.None);
        Assert.NotNull(found);
        Assert.NotNull(await clients.Rds.DescribeDbInstance(instance, CancellationToken.None)); // the old one is left alone
        var steps = SnapshotRestore.StepsToUse(found, names);
        Assert.Contains(steps, step => step.Contains($"aws rds wait db-instance-available --db-instance-identifier {restored.Id}", StringComparison.Ordinal));
    }

    [MotoFact]
    public async Task A_snapshot_not_taken_by_MigrateDb_or_not_there_is_refused_with_one_line()
    {
        var (environment, instance) = await MotoRds.NewInstanceAsync();
        var foreign = $"{instance}-20250101-120000";
        await MotoRds.CreateForeignSnapshotAsync(instance, foreign);
        var snapshots = MotoDatabaseClients.Create().Snapshots;

        var notOurs = await Assert.ThrowsAsync<InvalidOperationException>(() => snapshots.FindOursAsync(foreign, CancellationToken.None));
        var missing = await Assert.ThrowsAsync<InvalidOperationException>(() => snapshots.FindOursAsync($"{instance}-20250101-120001", CancellationToken.None));
        var noInstance = await Assert.ThrowsAsync<InvalidOperationException>(() => snapshots.RequireInstanceAsync("no-such-" + instance, CancellationToken.None));

        Assert.Equal($"RDS snapshot '{foreign}' was not taken by MigrateDb (no tag created-by=MigrateDb): refusing to restore it.", notOurs.Message);
        Assert.Equal($"There is no RDS snapshot '{instance}-20250101-120001' in this account and region.", missing.Message);
        Assert.StartsWith($"There is no RDS instance 'no-such-{instance}' in this account and region", noInstance.Message, StringComparison.Ordinal);
    }
}
