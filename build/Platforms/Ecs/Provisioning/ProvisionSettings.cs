namespace Pipeline.Platforms.Ecs.Provisioning;

/// <summary>What Provision needs to create an environment's resources; only checked for what is missing.</summary>
public sealed record ProvisionSettings
{
    public required EcsPlatformSettings Platform { get; init; }

    /// <summary>The VPC of the target groups (default: the load balancer's).</summary>
    public string? Vpc { get; init; }

    public IReadOnlyList<string> Subnets { get; init; } = [];

    public IReadOnlyList<string> SecurityGroups { get; init; } = [];

    public bool AssignPublicIp { get; init; }

    public int ContainerPort { get; init; } = 8080;

    public string HealthCheckPath { get; init; } = "/health/ready";

    /// <summary>The role ECS pulls the image and writes the logs with (the task execution role).</summary>
    public string? ExecutionRoleArn { get; init; }

    public string? TaskRoleArn { get; init; }

    public string Cpu { get; init; } = "256";

    public string Memory { get; init; } = "512";

    /// <summary>The image of each color's first task definition revision (a deploy replaces it).</summary>
    public string? InitialImage { get; init; }

    /// <summary>A Secrets Manager secret (or SSM parameter) ARN whose value the tasks get as DATABASE_URL.</summary>
    public string? DatabaseSecretArn { get; init; }

    public int LogRetentionDays { get; init; } = 30;

    /// <summary>The target groups' deregistration delay: how long a stopping color's connections may finish (--drain-time).</summary>
    public TimeSpan DrainTime { get; init; } = TimeSpan.FromSeconds(30);
}
