using System.Text.Json.Nodes;
using Pipeline.Aws;
using Pipeline.Delivery;

namespace Pipeline.Platforms.Ecs.Database;

/// <summary>
/// Where the migration task runs: in the network of the environment's service (its subnets and security groups reach
/// the database), taken from the color serving (desired count above 0), else from either one; the task runs a
/// revision of that color's task family.
/// </summary>
internal static class MigrationTaskNetwork
{
    public static async Task<MigrationTaskPlace> FindAsync(EcsClient ecs, EcsNames names, CancellationToken cancellation)
    {
        IReadOnlyList<EcsService> services;
        try
        {
            services = await ecs.DescribeServices(names.Cluster, [names.Service(Color.Blue), names.Service(Color.Green)], cancellation);
        }
        catch (AwsServiceException e) when (e.Code == "ClusterNotFoundException")
        {
            throw new InvalidOperationException($"There is no ECS cluster '{names.Cluster}' in this account and region: pass --ecs-cluster, or run Provision --environment {names.Environment} first.", e);
        }

        var source = Choose(services)
            ?? throw new InvalidOperationException(
                $"There is no ECS service {names.Service(Color.Blue)} or {names.Service(Color.Green)} in cluster {names.Cluster} to take the network from: run Provision --environment {names.Environment} first.");
        var network = source.NetworkConfiguration?.DeepClone().AsObject()
            ?? throw new InvalidOperationException($"ECS service {source.Name} has no network configuration (awsvpc) for the migration task to use.");
        return new MigrationTaskPlace(source.Name == names.Service(Color.Blue) ? Color.Blue : Color.Green, network);
    }

    /// <summary>The serving service (desired count above 0), else any; none when Provision has not run.</summary>
    public static EcsService? Choose(IReadOnlyList<EcsService> services) =>
        services.Where(s => s.Status != "INACTIVE").OrderByDescending(s => s.DesiredCount > 0).FirstOrDefault();
}

/// <summary>The color whose task family and network the migration task uses.</summary>
internal sealed record MigrationTaskPlace(Color Color, JsonObject Network);
