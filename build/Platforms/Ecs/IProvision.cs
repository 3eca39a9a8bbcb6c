using Engine;
using Pipeline.Aws;
using Pipeline.Images;
using Pipeline.Platforms.Ecs.Provisioning;

namespace Pipeline.Platforms.Ecs;

/// <summary>
/// The Provision component: creates, idempotently, what the ECS platform of --environment needs (cluster, log group,
/// load balancer, its production and test listeners, per color a target group, task definition family and service),
/// printing what it created and what it found. Teams that manage these with Terraform skip it (README: the contract).
/// </summary>
public interface IProvision : IHazEcsPlatform
{
    [Parameter("VPC of the target groups", DefaultText = "the load balancer's")]
    string? EcsVpc => TryGetValue(() => EcsVpc);

    [Parameter("Subnets of the load balancer and the tasks (space-separated, as every list parameter)")]
    string[] EcsSubnets => TryGetValue(() => EcsSubnets) ?? [];

    [Parameter("Security groups of the load balancer and the tasks (space-separated, as every list parameter)")]
    string[] EcsSecurityGroups => TryGetValue(() => EcsSecurityGroups) ?? [];

    [Parameter("Give the tasks public IPs (subnets without a NAT gateway need it to pull from ECR)")]
    bool EcsAssignPublicIp => TryGetValue<bool>(() => EcsAssignPublicIp) ?? false;

    [Parameter("Port the service listens on in its container")]
    int EcsContainerPort => TryGetValue<int>(() => EcsContainerPort) ?? 8080;

    [Parameter("Path of the target groups' health check")]
    string EcsHealthCheckPath => TryGetValue(() => EcsHealthCheckPath) ?? "/health/ready";

    [Parameter("ARN of the task execution role (pulls the image, writes the logs, reads the database secret)")]
    string? EcsExecutionRole => TryGetValue(() => EcsExecutionRole);

    [Parameter("ARN of the role the service's tasks run as", DefaultText = "none")]
    string? EcsTaskRole => TryGetValue(() => EcsTaskRole);

    [Parameter("ARN of the Secrets Manager secret the tasks get as DATABASE_URL")]
    string? EcsDatabaseSecret => TryGetValue(() => EcsDatabaseSecret);

    [Parameter("Image of each color's first task definition", DefaultText = "the digest PushEcr recorded in artifacts/image.json")]
    string? EcsInitialImage => TryGetValue(() => EcsInitialImage);

    Target Provision => _ => _
        .Description("Create what the ECS platform of --environment needs and is missing (cluster, load balancer, listeners, target groups, services), idempotently")
        .TryAfter<IPushEcr>(x => x.PushEcr)
        .Executes(async cancellation =>
        {
            RequireEcsHosting();
            var connection = ConnectAws();
            var settings = new ProvisionSettings
            {
                Platform = EcsPlatformSettingsIn(connection.Region),
                Vpc = EcsVpc,
                Subnets = EcsSubnets,
                SecurityGroups = EcsSecurityGroups,
                AssignPublicIp = EcsAssignPublicIp,
                ContainerPort = EcsContainerPort,
                HealthCheckPath = EcsHealthCheckPath,
                ExecutionRoleArn = EcsExecutionRole,
                TaskRoleArn = EcsTaskRole,
                DatabaseSecretArn = EcsDatabaseSecret,
                InitialImage = EcsInitialImage ?? RecordedImage(),
                DrainTime = DrainTime,
            };
            var (created, found) = await new EcsProvisioning(settings, new EcsClient(connection), new Elbv2(connection), new CloudWatchLogs(connection)).RunAsync(cancellation);
            ReportSummary(created.Count == 0 ? $"all {found.Count} found" : $"{created.Count} created, {found.Count} found");
        });

    private string? RecordedImage() =>
        File.Exists(ImageRecord.PathIn(ArtifactsDirectory)) ? ImageRecord.Read(ArtifactsDirectory, RootDirectory).Digest : null;
}
