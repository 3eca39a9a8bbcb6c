using System.Text.Json;
using System.Text.Json.Nodes;
using BuildTests.Aws;
using Engine;

namespace BuildTests.Database.Aws;

/// <summary>
/// MigrateDb's ECS half against moto, on an environment Provision made: the one-off task runs the release's image
/// with the migrate override in the service's network and is waited for until it stops (moto's FARGATE tasks step
/// RUNNING → … → STOPPED, exit 0), after an RDS snapshot; what is wrong with the environment is found before anything is changed.
/// </summary>
public sealed class EcsMigrationTests : IDisposable
{
    /// <summary>The release MigrateDb runs: not the image of Provision's first revisions, so its task needs a revision of its own.</summary>
    private const string Release = MotoEcsEnvironment.ImageB;

    private readonly string artifacts = Directory.CreateTempSubdirectory("migrateaws-").FullName;

    private AbsolutePath RecordFile => new AbsolutePath(artifacts) / "migration.json";

    [MotoFact]
    public async Task The_task_runs_migrate_in_the_services_network_after_a_snapshot_and_succeeds_on_exit_0()
    {
        var environment = await MotoEcsEnvironment.ProvisionedForDefaultAppAsync();
        await MotoRds.CreateInstanceAsync(environment.Names.Prefix);
        var clients = MotoDatabaseClients.Create();

        var record = await clients.Migration(MotoDatabaseClients.Fast).RunAsync(Target(environment.Names), Request(), RecordFile, CancellationToken.None);

        Assert.Equal("migrated", record.Outcome);
        var task = await environment.DescribeTaskAsync(record.OneOffTask!.Arn);
        Assert.Equal("STOPPED", task.GetProperty("lastStatus").GetString());
        Assert.Equal("MigrateDb", task.GetProperty("startedBy").GetString());
        var container = task.GetProperty("overrides").GetProperty("containerOverrides")[0];
        Assert.Equal("app", container.GetProperty("name").GetString());
        Assert.Equal(["migrate", "--check", "--lock-timeout", "300", "--target", "2"], container.GetProperty("command").EnumerateArray().Select(c => c.GetString()!));
        Assert.Equal(new Dictionary<string, int?> { ["app"] = 0 }, record.OneOffTask.ExitCodes);
        Assert.Equal("/ecs/" + environment.Names.Prefix, record.OneOffTask.LogGroup);
        Assert.StartsWith("ecs/app/", record.OneOffTask.LogStream, StringComparison.Ordinal); // Provision's awslogs-stream-prefix

        var snapshot = await clients.Rds.DescribeDbSnapshot(record.Backup!, CancellationToken.None);
        Assert.Equal("available", snapshot!.Status);
        var written = JsonDocument.Parse(await File.ReadAllTextAsync(RecordFile)).RootElement;
        Assert.Equal(record.OneOffTask.Arn, written.GetProperty("oneOffTask").GetProperty("arn").GetString());
        Assert.Equal(0, written.GetProperty("oneOffTask").GetProperty("exitCodes").GetProperty("app").GetInt32());
        Assert.Equal(record.Backup, written.GetProperty("backup").GetString());
        // moto's task runs nothing and writes no log: its exit code 0 is all there is to say the check let it through.
        Assert.StartsWith("not in the task's log, but the task exited 0", written.GetProperty("compatibility").GetString(), StringComparison.Ordinal);
    }

    [MotoFact]
    public async Task The_task_runs_the_revision_of_the_release_image()
    {
        var environment = await MotoEcsEnvironment.ProvisionedForDefaultAppAsync();
        var clients = MotoDatabaseClients.Create();

        var record = await clients.Migration(MotoDatabaseClients.Fast).RunAsync(Target(environment.Names), Request() with { SkipBackup = true }, RecordFile, CancellationToken.None);

        Assert.Null(record.Backup);
        using var ecs = new AwsJsonClient(MotoNetwork.Connection(), EcsClient.Service);
        var definition = await ecs.CallAsync("DescribeTaskDefinition", new JsonObject { ["taskDefinition"] = record.OneOffTask!.TaskDefinition }, CancellationToken.None);
        Assert.Equal(Release, definition.GetProperty("taskDefinition").GetProperty("containerDefinitions")[0].GetProperty("image").GetString());
    }

    [MotoFact]
    public async Task An_unknown_cluster_no_services_or_a_missing_RDS_instance_is_one_line_and_nothing_is_changed()
    {
        var bare = await MotoEcsEnvironment.ProvisionedForDefaultAppAsync();
        await bare.DeleteServicesAsync();
        var complete = await MotoEcsEnvironment.ProvisionedForDefaultAppAsync();
        var migration = MotoDatabaseClients.Create().Migration(MotoDatabaseClients.Fast);
        var unknown = bare.Names with { Cluster = "no-such-cluster" };

        var noCluster = await Assert.ThrowsAsync<InvalidOperationException>(() => migration.RunAsync(Target(unknown), Request(), RecordFile, CancellationToken.None));
        var noServices = await Assert.ThrowsAsync<InvalidOperationException>(() => migration.RunAsync(Target(bare.Names), Request(), RecordFile, CancellationToken.None));
        var noInstance = await Assert.ThrowsAsync<InvalidOperationException>(() => migration.RunAsync(Target(complete.Names), Request(), RecordFile, CancellationToken.None));

        Assert.Equal($"There is no ECS cluster 'no-such-cluster' in this account and region: pass --ecs-cluster, or run Provision --environment {bare.Names.Environment} first.", noCluster.Message);
        Assert.Equal(
            $"There is no ECS service {bare.Names.Service(Color.Blue)} or {bare.Names.Service(Color.Green)} in cluster {bare.Names.Cluster} to take the network from: run Provision --environment {bare.Names.Environment} first.",
            noServices.Message);
        Assert.Equal($"There is no RDS instance '{complete.Names.Prefix}' in this account and region: pass --rds-instance, or run Provision first.", noInstance.Message);
        using var ecs = new AwsJsonClient(MotoNetwork.Connection(), EcsClient.Service);
        foreach (var cluster in new[] { bare.Names.Cluster, complete.Names.Cluster })
            Assert.Empty((await ecs.CallAsync("ListTasks", new JsonObject { ["cluster"] = cluster }, CancellationToken.None)).GetProperty("taskArns").EnumerateArray());
        var revisions = await ecs.CallAsync("ListTaskDefinitions", new JsonObject { ["familyPrefix"] = complete.Names.TaskFamily(Color.Blue) }, CancellationToken.None);
        Assert.Single(revisions.GetProperty("taskDefinitionArns").EnumerateArray());
        Assert.False(File.Exists(RecordFile));
    }

    [MotoFact]
    public async Task The_log_tail_is_printed_without_passwords()
    {
        var group = "/ecs/" + MotoEcsEnvironment.NewEnvironment();
        var stream = "svc/app/" + Guid.NewGuid().ToString("N");
        using (var logs = new AwsJsonClient(MotoNetwork.Connection(), CloudWatchLogs.Service))
        {
            await logs.CallAsync("CreateLogGroup", new JsonObject { ["logGroupName"] = group }, CancellationToken.None);
            await logs.CallAsync("CreateLogStream", new JsonObject { ["logGroupName"] = group, ["logStreamName"] = stream }, CancellationToken.None);
            var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            var events = new JsonArray(
                new JsonObject { ["timestamp"] = now, ["message"] = "notes on postgres://notes:S3cret@db:5432/notes: at V1, 1 pending up to V2" },
                new JsonObject { ["timestamp"] = now + 1, ["message"] = "migrated V1 to V2 in 7 ms" });
            await logs.CallAsync("PutLogEvents", new JsonObject { ["logGroupName"] = group, ["logStreamName"] = stream, ["logEvents"] = events }, CancellationToken.None);
        }

        var clients = MotoDatabaseClients.Create();
        var lines = await new MigrationTask(clients.Ecs, clients.Logs, MotoDatabaseClients.Fast)
            .TailAsync(new MigrationTaskLog(group, "svc"), "app", "arn:aws:ecs:us-east-1:123456789012:task/c/" + stream.Split('/')[^1], CancellationToken.None);

        Assert.Equal(["notes on postgres://notes:***@db:5432/notes: at V1, 1 pending up to V2", "migrated V1 to V2 in 7 ms"], lines);
        Assert.Equal((1L, 2L), MigrationLogVersions.Read(lines));
    }

    public void Dispose() => Directory.Delete(artifacts, recursive: true);

    private static MigrationRequest Request() => new("staging", SkipBackup: false, DryRun: false, Target: 2, LockTimeout: TimeSpan.FromMinutes(5));

    private static EcsMigrationTarget Target(EcsNames names) => new(
        names, ImageDigest.Parse(Release), names.Prefix, TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(2),
        new Dictionary<string, string> { ["version"] = "1.2.3" });
}
