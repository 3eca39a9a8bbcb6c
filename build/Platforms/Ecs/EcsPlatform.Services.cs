using Pipeline.Aws;
using Pipeline.Delivery;
using Pipeline.Delivery.Roles;

namespace Pipeline.Platforms.Ecs;

/// <summary>The colors' services: staging a revision, reading how its rollout goes, stopping, and old revisions tidied.</summary>
public sealed partial class EcsPlatform
{
    public async Task StageAsync(Color color, StageRequest request, CancellationToken cancellation)
    {
        await ResourcesAsync(cancellation);
        var tags = new Dictionary<string, string>
        {
            [$"{ListenerTags.Prefix}version"] = ListenerTags.Clean(request.Version),
            [$"{ListenerTags.Prefix}commit"] = ListenerTags.Clean(request.Commit),
        };
        var revision = await EcsRevisions.ForImage(ecs, Names.TaskFamily(color), Names.Container, request.Image.ToString(), tags, cancellation);
        staged[color] = revision.Arn;
        // The same revision on a service that has tasks: ECS would change nothing, yet a stage (the live color that
        // does not serve, started again) means new tasks, so ECS is asked to replace them.
        var service = await ServiceAsync(color, cancellation);
        var replace = service.TaskDefinition == revision.Arn && service.DesiredCount > 0;
        await ecs.UpdateService(Names.Cluster, Names.Service(color), revision.Arn, request.Capacity, cancellation, forceNewDeployment: replace);
    }

    /// <summary>
    /// How the color's rollout goes (see <see cref="EcsRollout"/>); stopped tasks are only looked up when the service
    /// counts failed ones. An API still throttling after its retries is "not known yet", never a failure.
    /// </summary>
    public async Task<ColorStatus> ObserveAsync(Color color, CancellationToken cancellation)
    {
        try
        {
            var service = await ServiceAsync(color, cancellation);
            var ours = staged.GetValueOrDefault(color) ?? service.TaskDefinition;
            IReadOnlyList<EcsTask> stopped = [];
            if (service.Deployments.Any(d => d.TaskDefinition == ours && d.FailedTasks > 0))
            {
                var arns = await ecs.ListTasks(Names.Cluster, service.Name, startedBy: null, desiredStatus: "STOPPED", cancellation);
                stopped = arns.Count == 0 ? [] : (await ecs.DescribeTasks(Names.Cluster, arns.Take(20).ToList(), cancellation)).Where(t => t.TaskDefinitionArn == ours).ToList();
            }

            return EcsRollout.Evaluate(service, ours, stopped);
        }
        catch (AwsServiceException e) when (AwsRetryPolicy.IsRetryable(e))
        {
            return new ColorStatus(ColorState.Starting, $"not known yet: ECS answered {e.Code} after its retries");
        }
    }

    /// <summary>Scales the color to zero: the load balancer drains its targets (the target group's deregistration delay) as ECS stops them.</summary>
    public async Task StopAsync(Color color, TimeSpan drain, CancellationToken cancellation)
    {
        if ((await ServiceAsync(color, cancellation)).DesiredCount == 0)
            return;
        await ecs.UpdateService(Names.Cluster, Names.Service(color), taskDefinitionArn: null, desiredCount: 0, cancellation);
    }

    /// <summary>Deregisters each color's revisions beyond the newest <see cref="EcsPlatformSettings.KeepRevisions"/>, never one a service runs.</summary>
    public async Task TidyAsync(CancellationToken cancellation)
    {
        var inUse = (await BothServicesAsync(cancellation))
            .SelectMany(s => s.Deployments.Select(d => d.TaskDefinition).Append(s.TaskDefinition)).ToHashSet();
        foreach (var color in new[] { Color.Blue, Color.Green })
        {
            var revisions = await ecs.ListTaskDefinitions(Names.TaskFamily(color), cancellation);
            foreach (var old in revisions.Skip(settings.KeepRevisions).Where(r => !inUse.Contains(r)))
                await ecs.DeregisterTaskDefinition(old, cancellation);
        }
    }
}
