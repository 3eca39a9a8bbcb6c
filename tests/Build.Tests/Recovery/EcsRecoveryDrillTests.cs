using System.Text.Json;
using System.Text.Json.Nodes;
using BuildTests.Aws;
using BuildTests.Database.Aws;
using Pipeline.Platforms.Ecs.Recovery;

namespace BuildTests.Recovery;

/// <summary>
/// RecoveryDrill on AWS against moto: the snapshot MigrateDb took restored beside the live RDS instance, the live
/// color's revision run as `migrate --check --require-host` and then serving, both with DATABASE_HOST, reached through
/// a header rule on the test listener; and everything it made removed again. moto's load balancers serve nothing, so
/// these drills end where the drill asks the test listener for its task: the restore, the tasks and the clean-up are
/// what is shown here (a passing drill end to end runs in the rehearsal, build/services/ecs-rehearsal.sh).
/// </summary>
public sealed class EcsRecoveryDrillTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    // Nothing listens on the discard port: the drill's routing check can never be answered.
    private static readonly Uri Unanswered = new("http://127.0.0.1:9/");

    [MotoFact]
    public async Task A_drill_restores_beside_the_live_instance_runs_the_live_revision_and_removes_all_it_made()
    {
        var (environment, snapshot) = await LiveEnvironmentWithBackupAsync();
        var listenersBefore = await environment.Elb.DescribeListeners((await environment.Elb.DescribeLoadBalancer(environment.Names.LoadBalancer, None))!.Arn, None);
        var live = (await environment.Platform().ReadStateAsync(None)).Live!;
        var liveRevision = (await environment.Ecs.DescribeServices(environment.Names.Cluster, [environment.Names.Service(live.Color)], None)).Single().TaskDefinition;

        var report = await DrillAsync(environment);

        Assert.False(report.Passed);
        Assert.Equal(snapshot, report.Backup);
        Assert.Null(report.BackupVersion);
        Assert.NotNull(report.Restored);
        Assert.Contains("the test listener to route X-Recovery-Drill to the drill's task", Assert.Single(report.Failures), StringComparison.Ordinal);

        var tasks = await environment.Ecs.ListTasks(environment.Names.Cluster, null, EcsDrillNames.StartedBy, "STOPPED", None);
        using var raw = new AwsJsonClient(MotoNetwork.Connection(), EcsClient.Service);
        var described = (await raw.CallAsync("DescribeTasks", new JsonObject { ["cluster"] = environment.Names.Cluster, ["tasks"] = new JsonArray([.. tasks.Select(t => (JsonNode)t)]) }, None)).GetProperty("tasks");
        var migrate = described.EnumerateArray().Single(t => Override(t).TryGetProperty("command", out _));
        var serving = described.EnumerateArray().Single(t => !Override(t).TryGetProperty("command", out _));
        var endpoint = Variables(migrate)["DATABASE_HOST"];
        Assert.Matches($"^{environment.Names.Prefix}-drill-[0-9]{{8}}-[0-9]{{6}}\\..+:5432$", endpoint);
        Assert.Equal(["migrate", "--check", "--require-host", endpoint], Override(migrate).GetProperty("command").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(new Dictionary<string, string> { ["APP_COLOR"] = "drill", ["DATABASE_HOST"] = endpoint }, Variables(serving));
        Assert.All(new[] { migrate, serving }, task => Assert.Equal(liveRevision, task.GetProperty("taskDefinitionArn").GetString()));
        Assert.Equal("RecoveryDrill finished", serving.GetProperty("stoppedReason").GetString());

        await AssertNothingLeftAsync(environment);
        var listenersAfter = await environment.Elb.DescribeListeners(listenersBefore[0].LoadBalancerArn, None);
        Assert.Equal(listenersBefore.Select(Describe), listenersAfter.Select(Describe));
        Assert.Equal("available", (await new Rds(MotoNetwork.Connection()).DescribeDbInstance(environment.Names.Prefix, None))!.Status);
    }

    [MotoFact]
    public async Task What_a_killed_drill_left_is_removed_by_the_next_and_a_database_only_named_like_a_drill_s_is_left_alone()
    {
        var (environment, snapshot) = await LiveEnvironmentWithBackupAsync();
        var rds = new Rds(MotoNetwork.Connection());
        var names = new EcsDrillNames(environment.Names);
        var tagged = names.Instance(DateTimeOffset.UtcNow.AddHours(-1));
        var untagged = names.Instance(DateTimeOffset.UtcNow.AddHours(-2));
        await rds.RestoreDbInstanceFromSnapshot(tagged, snapshot, new DbPlacement(null, [], null), names.Tags, None);
        await rds.RestoreDbInstanceFromSnapshot(untagged, snapshot, new DbPlacement(null, [], null), new Dictionary<string, string>(), None);
        var group = await environment.Elb.CreateTargetGroup(names.TargetGroup, environment.Network.VpcId, 8080, "/health/ready", names.Tags, None);
        var test = (await environment.Elb.DescribeListeners((await environment.Elb.DescribeLoadBalancer(environment.Names.LoadBalancer, None))!.Arn, None)).Single(l => l.Port == 8080);
        await environment.Elb.CreateHeaderRule(test.Arn, 7, EcsDrillNames.Header, "left-over", group.Arn, names.Tags, None);
        var blue = (await environment.Ecs.DescribeServices(environment.Names.Cluster, [environment.Names.Service(Color.Blue)], None)).Single();
        await environment.Ecs.RunTask(
            new EcsRunTaskRequest(environment.Names.Cluster, blue.TaskDefinition, environment.Names.Container, [], blue.NetworkConfiguration!, EcsDrillNames.StartedBy), None);

        var removed = await Platform(environment).RemoveLeftoversAsync(None);

        Assert.Equal(4, removed); // the rule, the target group, the task, the tagged instance
        await AssertNothingLeftAsync(environment, except: untagged);
        Assert.NotNull(await rds.DescribeDbInstance(untagged, None));
        await rds.DeleteScratchDbInstance(untagged, None);
    }

    [MotoFact]
    public async Task Only_snapshots_MigrateDb_took_are_drilled_and_a_missing_one_is_one_line()
    {
        var environment = await MotoEcsEnvironment.ProvisionedForDefaultAppAsync();
        await MotoRds.CreateInstanceAsync(environment.Names.Prefix);
        var foreign = $"{environment.Names.Prefix}-20250101-120000";
        await MotoRds.CreateForeignSnapshotAsync(environment.Names.Prefix, foreign);
        var platform = Platform(environment);

        var none = await Assert.ThrowsAsync<InvalidOperationException>(() => platform.ChooseBackupAsync(null, None));
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => platform.ChooseBackupAsync(foreign, None));
        var ours = await MotoDatabaseClients.Create().Snapshots.TakeAsync(environment.Names.Prefix, environment.Names.Prefix, environment.Names.Environment, TimeSpan.FromMinutes(1), None);
        var chosen = await platform.ChooseBackupAsync(null, None);

        Assert.Equal($"There is no available RDS snapshot MigrateDb took of {environment.Names.Prefix} to drill with: MigrateDb takes one before each migration.", none.Message);
        Assert.Equal($"RDS snapshot '{foreign}' was not taken by MigrateDb (no tag created-by=MigrateDb): refusing to restore it.", refused.Message);
        Assert.Equal((ours.Id, (long?)null, (IReadOnlyDictionary<string, long>?)null), (chosen.Name, chosen.Version, chosen.Rows));
    }

    [Fact]
    public async Task A_live_instance_named_like_a_drill_s_scratch_instance_is_refused_before_AWS_is_called()
    {
        var names = new EcsNames("app", "staging", "app-staging", "app");
        var unreachable = new AwsConnection("us-east-1", new Amazon.Runtime.BasicAWSCredentials("test", "test")) { Environment = name => name == "AWS_ENDPOINT_URL" ? "http://127.0.0.1:9" : null };
        var platform = new EcsRecoveryDrill(
            EcsDrillClients.For(unreachable), new EcsPlatformSettings { Names = names, Region = "us-east-1" }, "app-staging-drill-20261207-101500",
            new EcsDrillDeadlines(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1)));

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => platform.ChooseBackupAsync(null, None));

        Assert.Equal("The live RDS instance 'app-staging-drill-20261207-101500' is named like a recovery drill's scratch instance (app-staging-drill-…): refusing to drill, since the drill's clean-up could not tell them apart.", refused.Message);
    }

    private static async Task<(MotoEcsEnvironment Environment, string Snapshot)> LiveEnvironmentWithBackupAsync()
    {
        var environment = await MotoEcsEnvironment.ProvisionedForDefaultAppAsync();
        await environment.DeployAsync(MotoEcsEnvironment.ImageB);
        await MotoRds.CreateInstanceAsync(environment.Names.Prefix);
        var snapshot = await MotoDatabaseClients.Create().Snapshots.TakeAsync(environment.Names.Prefix, environment.Names.Prefix, environment.Names.Environment, TimeSpan.FromMinutes(1), None);
        return (environment, snapshot.Id);
    }

    private static EcsRecoveryDrill Platform(MotoEcsEnvironment environment) => new(
        EcsDrillClients.For(MotoNetwork.Connection()),
        environment.Settings.Platform with { TestAddress = Unanswered },
        environment.Names.Prefix,
        new EcsDrillDeadlines(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(2)),
        MotoDatabaseClients.Fast);

    private static Task<RecoveryDrillReport> DrillAsync(MotoEcsEnvironment environment) =>
        new RecoveryDrill(Platform(environment), environment.Platform(), SmokeSuite.StandardChecks, RecoveryGoals.Checked(null, null), environment.Names.Environment).RunAsync(null, None);

    /// <summary>No rule on the test listener but its default, no drill target group, no drill task running, no drill RDS instance (but <paramref name="except"/>).</summary>
    private static async Task AssertNothingLeftAsync(MotoEcsEnvironment environment, string? except = null)
    {
        var names = new EcsDrillNames(environment.Names);
        var balancer = (await environment.Elb.DescribeLoadBalancer(environment.Names.LoadBalancer, None))!;
        foreach (var listener in await environment.Elb.DescribeListeners(balancer.Arn, None))
            Assert.All(await environment.Elb.DescribeRules(listener.Arn, None), rule => Assert.True(rule.IsDefault, rule.Arn));
        Assert.Null(await environment.Elb.DescribeTargetGroup(names.TargetGroup, None));
        Assert.Empty(await environment.Ecs.ListTasks(environment.Names.Cluster, null, EcsDrillNames.StartedBy, "RUNNING", None));
        var instances = await new Rds(MotoNetwork.Connection()).DescribeDbInstances(None);
        Assert.Empty(instances.Where(i => names.IsDrillInstance(i.Id) && i.Id != except && i.Status != "deleting").Select(i => i.Id));
    }

    private static JsonElement Override(JsonElement task) => task.GetProperty("overrides").GetProperty("containerOverrides")[0];

    private static Dictionary<string, string> Variables(JsonElement task) =>
        Override(task).GetProperty("environment").EnumerateArray().ToDictionary(v => v.GetProperty("name").GetString()!, v => v.GetProperty("value").GetString()!);

    private static string Describe(Listener listener) =>
        $"{listener.Port}: {string.Join(", ", listener.DefaultActions.SelectMany(a => a.TargetGroups).Select(g => $"{g.TargetGroupArn}={g.Weight}"))}";
}
