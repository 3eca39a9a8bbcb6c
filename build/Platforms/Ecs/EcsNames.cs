using Pipeline.Delivery;

namespace Pipeline.Platforms.Ecs;

/// <summary>
/// The names the ECS platform gives (or, under Terraform, looks for) for one environment's resources: per color a
/// service, a task definition family (its APP_COLOR differs) and a target group; one cluster, load balancer and log
/// group. Target group and
/// load balancer names are at most 32 characters, so the app and environment names are kept short.
/// </summary>
public sealed record EcsNames(string App, string Environment, string Cluster, string Container)
{
    public string Prefix => $"{App}-{Environment}";

    public string Service(Color color) => $"{Prefix}-{color.Name()}";

    public string TargetGroup(Color color) => Limit($"{Prefix}-{color.Name()}");

    public string TaskFamily(Color color) => Service(color);

    public string LoadBalancer => Limit(Prefix);

    public string LogGroup => $"/ecs/{Prefix}";

    private static string Limit(string name) => name.Length <= 32
        ? name
        : throw new InvalidOperationException($"'{name}' is longer than the 32 characters AWS allows a load balancer or target group name: shorten --ecs-app");
}
