using Engine;

namespace Pipeline.Platforms.Ecs.Recovery;

/// <summary>
/// What a drill that was killed left on AWS, removed by the next one with a line each: the test listener's rules that
/// forward to the drill's target group, that target group, tasks started by RecoveryDrill, and the RDS instances named
/// and tagged as a drill's (never another: the name alone is not enough to delete a database).
/// </summary>
internal sealed class EcsDrillLeftovers(EcsDrillClients clients, EcsDrillNames names, EcsPlatformSettings settings)
{
    public async Task<int> RemoveAsync(CancellationToken cancellation)
    {
        var removed = 0;
        if (await clients.Elb.DescribeTargetGroup(names.TargetGroup, cancellation) is { } group)
        {
            var resources = await EcsResources.FindAsync(clients.Ecs, clients.Elb, settings, cancellation);
            foreach (var rule in await clients.Elb.DescribeRules(resources.Test.Arn, cancellation))
            {
                if (rule.IsDefault || !rule.Actions.SelectMany(a => a.TargetGroups).Any(g => g.TargetGroupArn == group.Arn))
                    continue;
                await clients.Elb.DeleteRule(rule.Arn, cancellation);
                Log.Information($"deleted the test listener's rule {rule.Arn} (priority {rule.Priority}), left by a recovery drill that did not finish");
                removed++;
            }

            await clients.Elb.DeleteTargetGroup(group.Arn, cancellation);
            Log.Information($"deleted target group {group.Name}, left by a recovery drill that did not finish");
            removed++;
        }

        var cluster = settings.Names.Cluster;
        foreach (var task in await clients.Ecs.ListTasks(cluster, null, EcsDrillNames.StartedBy, "RUNNING", cancellation))
        {
            await clients.Ecs.StopTask(cluster, task, "left by a RecoveryDrill that did not finish", cancellation);
            Log.Information($"stopped task {task}, left by a recovery drill that did not finish");
            removed++;
        }

        foreach (var instance in await clients.Rds.DescribeDbInstances(cancellation))
        {
            if (!names.IsDrillInstance(instance.Id) || instance.Status == "deleting")
                continue;
            var tags = await clients.Tags.ListAsync(instance.Arn, cancellation);
            if (tags.GetValueOrDefault(EcsDrillNames.Tag) != settings.Names.Prefix)
            {
                Log.Warning($"RDS instance {instance.Id} is named like a drill's but not tagged {EcsDrillNames.Tag}={settings.Names.Prefix}: left alone.");
                continue;
            }

            await RdsDrillDatabase.DeleteAsync(clients.Rds, instance.Id);
            Log.Information($"(RDS instance {instance.Id} was left by a recovery drill that did not finish)");
            removed++;
        }

        return removed;
    }
}
