using Engine;
using Pipeline.Aws;
using Pipeline.Delivery;
using Pipeline.Platforms.Ecs.Database;
using Pipeline.Recovery;
using Pipeline.Waiting;

namespace Pipeline.Platforms.Ecs.Recovery;

/// <summary>
/// The recovery role on AWS: a snapshot MigrateDb took restored into a scratch RDS instance beside the live one
/// (<see cref="RdsDrillDatabase"/>), the live color's revision run against it once as <c>migrate --check</c> and once
/// serving (<see cref="EcsDrillInstance"/>), both with DATABASE_HOST naming the scratch instance: the password stays in
/// the secret the revision reads, and the build never holds it. <c>--require-host</c> makes the migrator refuse any
/// other host, so a release that ignored DATABASE_HOST stops there instead of touching the live database.
/// </summary>
internal sealed class EcsRecoveryDrill(
    EcsDrillClients clients, EcsPlatformSettings settings, string liveInstanceId, EcsDrillDeadlines deadlines, Awaiting? awaiting = null) : IRecoveryDrillPlatform
{
    private readonly EcsDrillNames names = new(settings.Names);
    private readonly Awaiting awaiting = awaiting ?? AwsWaiting.Default();

    public string Description =>
        $"AWS: RDS instances {names.InstancePrefix}<time> restored beside {liveInstanceId}, one-off tasks in cluster {settings.Names.Cluster}, reached through the test listener with {EcsDrillNames.Header}";

    public async Task<int> RemoveLeftoversAsync(CancellationToken cancellation) =>
        await new EcsDrillLeftovers(clients, names, settings).RemoveAsync(cancellation);

    public async Task<DrillBackup> ChooseBackupAsync(string? name, CancellationToken cancellation)
    {
        // First of all: the clean-up deletes instances by this name shape (and tag), so the live one must not have it.
        if (names.IsDrillInstance(liveInstanceId))
            throw new InvalidOperationException($"The live RDS instance '{liveInstanceId}' is named like a recovery drill's scratch instance ({names.InstancePrefix}…): refusing to drill, since the drill's clean-up could not tell them apart.");
        var snapshot = name is null ? await NewestAsync(cancellation) : await clients.Snapshots.FindOursAsync(name, cancellation);
        var created = snapshot.Created ?? throw new InvalidOperationException($"RDS snapshot {snapshot.Id} has no creation time yet: it is still being taken.");
        // An RDS snapshot records neither the schema version nor row counts: the drill reports the version it finds.
        return new DrillBackup(snapshot.Id, created, Version: null, Rows: null);
    }

    public async Task<IDrillDatabase> RestoreAsync(DrillBackup backup, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(backup);
        return await RdsDrillDatabase.RestoreAsync(clients.Rds, names, liveInstanceId, backup.Name, awaiting, deadlines.Restore, cancellation);
    }

    public async Task<IDrillInstance> StartAsync(ColorRelease release, IDrillDatabase database, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(release);
        var scratch = database as RdsDrillDatabase ?? throw new ArgumentException("The ECS drill starts against an RDS instance it restored.", nameof(database));
        var resources = await EcsResources.FindAsync(clients.Ecs, clients.Elb, settings, cancellation);
        var service = (await clients.Ecs.DescribeServices(settings.Names.Cluster, [settings.Names.Service(release.Color)], cancellation)).FirstOrDefault(s => s.Status == "ACTIVE")
            ?? throw new InvalidOperationException($"ECS service {settings.Names.Service(release.Color)}, the live color's, is not in cluster {settings.Names.Cluster}.");
        var revision = await clients.Ecs.DescribeTaskDefinition(service.TaskDefinition, cancellation);
        if (revision.ImageOf(settings.Names.Container) != release.Image)
        {
            throw new InvalidOperationException(
                $"The live color's service {service.Name} runs {revision.ImageOf(settings.Names.Container) ?? "no container " + settings.Names.Container}, not the live release {release.Image}: a deploy is under way or was cut off; run DeployBlueGreen or Rollback first.");
        }

        var network = service.NetworkConfiguration ?? throw new InvalidOperationException($"ECS service {service.Name} has no network configuration (awsvpc) for the drill's tasks.");
        var port = service.LoadBalancers.FirstOrDefault()?.ContainerPort is > 0 and var found ? found : throw new InvalidOperationException($"ECS service {service.Name} has no load balancer entry naming its container port.");
        var environment = new Dictionary<string, string> { ["DATABASE_HOST"] = scratch.Endpoint };
        var schemaVersion = await MigrateAsync(revision, network, environment, scratch.Endpoint, cancellation);
        var test = settings.TestAddress ?? new Uri($"http://{resources.LoadBalancer.DnsName}:{settings.TestPort}/");
        // Relative paths (version, health/ready) append only to a base that ends in '/'.
        var testAddress = test.AbsoluteUri.EndsWith('/') ? test : new Uri(test.AbsoluteUri + "/");
        var place = new EcsDrillPlace(clients.Ecs, clients.Elb, names, resources, revision, network.DeepClone().AsObject(), port, environment, testAddress);
        return await EcsDrillInstance.StartAsync(place, schemaVersion, awaiting, deadlines.Serve, cancellation);
    }

    /// <summary>The release's own <c>migrate --check</c>, refusing any host but the scratch instance's; the schema version its log names after it.</summary>
    private async Task<long?> MigrateAsync(
        EcsTaskDefinition revision, System.Text.Json.Nodes.JsonObject network, IReadOnlyDictionary<string, string> environment, string endpoint, CancellationToken cancellation)
    {
        var task = new MigrationTask(clients.Ecs, clients.Logs, awaiting);
        var result = await task.RunAsync(
            settings.Names, revision, network, ["migrate", "--check", "--require-host", endpoint], deadlines.Migrate, cancellation, environment, EcsDrillNames.StartedBy);
        if (!result.Outcome.Succeeded)
        {
            var check = MigrationCheckLog.Read(result.LogTail, taskSucceeded: false);
            var older = result.LogTail.Any(line => line.Contains("--require-host", StringComparison.Ordinal))
                ? " (the live release predates DATABASE_HOST and --require-host: deploy a newer release before drilling)"
                : "";
            throw new InvalidOperationException(check.Stopped
                ? $"migrate --check on the restored backup stopped: {string.Join("; ", check.Problems)}"
                : $"migrate --check on the restored backup failed in task {result.Task.Id}: {result.Outcome.Summary}{older}; last line: {result.LogTail.LastOrDefault() ?? "(no log)"}");
        }

        var (_, after) = MigrationLogVersions.Read(result.LogTail);
        Log.Information(after is { } version ? $"The restored database is at V{version} after migrate --check." : "The task's log names no schema version.");
        return after;
    }

    private async Task<DbSnapshot> NewestAsync(CancellationToken cancellation)
    {
        var candidates = (await clients.Rds.DescribeDbSnapshots(liveInstanceId, cancellation))
            .Where(s => s is { Status: "available", Created: not null } && RdsSnapshotName.Fits(s.Id))
            .OrderByDescending(s => s.Created);
        foreach (var snapshot in candidates)
        {
            var tags = await clients.Tags.ListAsync(snapshot.Arn, cancellation);
            if (tags.GetValueOrDefault(MigrationSnapshots.CreatedByTag) == MigrationSnapshots.CreatedBy)
                return snapshot;
        }

        throw new InvalidOperationException($"There is no available RDS snapshot MigrateDb took of {liveInstanceId} to drill with: MigrateDb takes one before each migration.");
    }
}

/// <summary>How long the drill waits: the restored instance to be available, the migrate task to stop, the serving task to be healthy and routed.</summary>
internal sealed record EcsDrillDeadlines(TimeSpan Restore, TimeSpan Migrate, TimeSpan Serve);

/// <summary>The AWS clients the ECS drill uses, on one connection.</summary>
internal sealed record EcsDrillClients(EcsClient Ecs, Elbv2 Elb, Rds Rds, RdsResourceTags Tags, CloudWatchLogs Logs, MigrationSnapshots Snapshots)
{
    public static EcsDrillClients For(AwsConnection connection)
    {
        var rds = new Rds(connection);
        var tags = new RdsResourceTags(new AwsQueryClient(connection, Rds.Service));
        return new(new EcsClient(connection), new Elbv2(connection), rds, tags, new CloudWatchLogs(connection), new MigrationSnapshots(rds, tags, AwsWaiting.Default()));
    }
}
