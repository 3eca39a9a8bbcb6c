using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Engine;
using Pipeline.Aws;
using Pipeline.Delivery.Smoke;
using Pipeline.Platforms.Ecs.Database;
using Pipeline.Recovery;
using Pipeline.Waiting;

namespace Pipeline.Platforms.Ecs.Recovery;

/// <summary>
/// The live release serving from the drill's RDS instance on AWS: a one-off task of the live color's revision, in its
/// network, with DATABASE_HOST pointing at the scratch instance; registered in a target group of its own, which a rule
/// on the test listener reaches only for requests that carry <see cref="EcsDrillNames.Header"/> with a token made for
/// this drill. No listener's default action, so no user and no deploy's check, reaches it. Disposing it deletes the
/// rule and the target group and stops the task.
/// </summary>
internal sealed class EcsDrillInstance : IDrillInstance
{
    private readonly EcsClient ecs;
    private readonly Elbv2 elb;
    private readonly string cluster;
    private string? taskArn;
    private string? targetGroupArn;
    private string? ruleArn;

    private EcsDrillInstance(EcsClient ecs, Elbv2 elb, string cluster, Uri address, long? schemaVersion)
    {
        (this.ecs, this.elb, this.cluster, Address, SchemaVersion) = (ecs, elb, cluster, address, schemaVersion);
        Headers = new Dictionary<string, string> { [EcsDrillNames.Header] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) };
    }

    public Uri Address { get; }

    public IReadOnlyDictionary<string, string> Headers { get; }

    public long? SchemaVersion { get; }

    public static async Task<EcsDrillInstance> StartAsync(EcsDrillPlace place, long? schemaVersion, Awaiting awaiting, TimeSpan deadline, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(place);
        var instance = new EcsDrillInstance(place.Ecs, place.Elb, place.Names.Names.Cluster, place.TestAddress, schemaVersion);
        return await DrillStart.OrRemoveAsync(instance, () => instance.StartTaskAsync(place, awaiting, deadline, cancellation));
    }

    private async Task StartTaskAsync(EcsDrillPlace place, Awaiting awaiting, TimeSpan deadline, CancellationToken cancellation)
    {
        var names = place.Names;
        var request = new EcsRunTaskRequest(cluster, place.Revision.Arn, names.Names.Container, [], place.Network, EcsDrillNames.StartedBy)
        {
            Environment = new Dictionary<string, string>(place.Environment) { ["APP_COLOR"] = EcsDrillNames.Color },
        };
        var started = await ecs.RunTask(request, cancellation);
        taskArn = started.Arn;
        Log.Information($"Started the drill's task {started.Id} of {place.Revision.Name}, serving from {place.Environment["DATABASE_HOST"]}.");
        var running = await awaiting.UntilAsync(
            $"Drill task {started.Id}",
            deadline,
            async token => (await ecs.DescribeTasks(cluster, [started.Arn], token)).FirstOrDefault() ?? throw new InvalidOperationException($"ECS no longer knows the drill's task {started.Arn}."),
            seen => seen switch
            {
                { LastStatus: "STOPPED" } => Look.Failed($"it stopped before it served: {MigrationTaskOutcome.Of(seen).Summary}"),
                { LastStatus: "RUNNING", PrivateAddress: not null } => Look.Reached($"RUNNING on {seen.PrivateAddress}"),
                _ => Look.Pending(seen.LastStatus),
            },
            cancellation);

        var vpc = place.Resources.Blue.VpcId ?? place.Resources.LoadBalancer.VpcId
            ?? throw new InvalidOperationException($"Target group {place.Resources.Blue.Name} names no VPC for the drill's target group.");
        var group = await elb.CreateTargetGroup(names.TargetGroup, vpc, place.ContainerPort, "/health/ready", names.Tags, cancellation);
        targetGroupArn = group.Arn;
        await elb.RegisterTargets(group.Arn, [(running.PrivateAddress!, place.ContainerPort)], cancellation);
        var rules = await elb.DescribeRules(place.Resources.Test.Arn, cancellation);
        var rule = await elb.CreateHeaderRule(
            place.Resources.Test.Arn, FreePriority(rules), EcsDrillNames.Header, Headers[EcsDrillNames.Header], group.Arn, names.Tags, cancellation);
        ruleArn = rule.Arn;
        Log.Information($"The test listener (port {place.Resources.Test.Port}) sends requests with {EcsDrillNames.Header} to {group.Name} (rule priority {rule.Priority}).");

        // Only now: an ALB health-checks (and reports other than "unused") a target group that a rule forwards to.
        await awaiting.UntilAsync($"{group.Name} to find the drill's task healthy", deadline, async token =>
        {
            var health = (await elb.DescribeTargetHealth(group.Arn, token)).FirstOrDefault();
            return health switch
            {
                { State: "healthy" } => Look.Reached("healthy"),
                null => Look.Pending("no target yet"),
                _ => Look.Pending($"{health.State}{(health.Description is { Length: > 0 } why ? $" ({why})" : "")}"),
            };
        }, cancellation);

        await AwaitRoutedAsync(awaiting, deadline, cancellation);
    }

    /// <summary>
    /// Until /version through the test listener, with the header, answers from the drill's task: a rule takes a few
    /// seconds to apply, and the smoke suite's writes must never reach a color serving from the live database.
    /// </summary>
    private async Task AwaitRoutedAsync(Awaiting awaiting, TimeSpan deadline, CancellationToken cancellation)
    {
        using var client = new SmokeClient(SmokeSuite.DefaultRequestTimeout, Headers);
        await awaiting.UntilAsync($"the test listener to route {EcsDrillNames.Header} to the drill's task", deadline, async token =>
        {
            var answer = await client.GetAsync(new Uri(Address, "version"), token);
            var color = answer.Status == 200 ? JsonStrings.Parse(answer.Body)?.GetValueOrDefault("color") : null;
            return color == EcsDrillNames.Color ? Look.Reached("routed") : Look.Pending($"/version {answer.Outcome}");
        }, cancellation);
    }

    /// <summary>The lowest priority no rule of the listener has (ALB rules are 1 to 50000, each used once).</summary>
    public static int FreePriority(IReadOnlyList<ListenerRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var taken = rules.Where(r => !r.IsDefault).Select(r => int.TryParse(r.Priority, out var p) ? p : 0).ToHashSet();
        return Enumerable.Range(1, 50000).First(p => !taken.Contains(p));
    }

    public async ValueTask DisposeAsync()
    {
        // The rule first: a target group that a rule forwards to cannot be deleted.
        await RemoveAsync(ruleArn, "the test listener's drill rule", arn => elb.DeleteRule(arn, CancellationToken.None));
        await RemoveAsync(targetGroupArn, "the drill's target group", arn => elb.DeleteTargetGroup(arn, CancellationToken.None));
        await RemoveAsync(taskArn, "the drill's task", arn => ecs.StopTask(cluster, arn, "RecoveryDrill finished", CancellationToken.None));
    }

    private static async Task RemoveAsync(string? arn, string what, Func<string, Task> remove)
    {
        if (arn is null)
            return;
        try
        {
            await remove(arn);
            Log.Information($"removed {what} ({arn})");
        }
        catch (AwsServiceException e)
        {
            Log.Warning($"Could not remove {what} ({arn}): {e.Code}: {e.Detail}; the next RecoveryDrill removes it.");
        }
    }
}

/// <summary>Where and what the drill's task runs: the live color's revision and network, the environment it gets, and the listener it is reached through.</summary>
internal sealed record EcsDrillPlace(
    EcsClient Ecs, Elbv2 Elb, EcsDrillNames Names, EcsResources Resources, EcsTaskDefinition Revision, JsonObject Network, int ContainerPort,
    IReadOnlyDictionary<string, string> Environment, Uri TestAddress);
