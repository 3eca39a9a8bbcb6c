using System.Text.Json.Nodes;
using Pipeline.Delivery;

namespace Pipeline.Platforms.Ecs.Provisioning;

/// <summary>
/// A color's first task definition: one Fargate container with the service's port, its color (APP_COLOR), the
/// database URL from a secret, and logs in the environment's log group. Deploys only ever change its image.
/// </summary>
internal static class FirstRevision
{
    public static JsonObject Request(ProvisionSettings settings, string region, Color color)
    {
        var names = settings.Platform.Names;
        var container = new JsonObject
        {
            ["name"] = names.Container,
            ["image"] = settings.InitialImage,
            ["essential"] = true,
            ["portMappings"] = new JsonArray(new JsonObject { ["containerPort"] = settings.ContainerPort, ["protocol"] = "tcp" }),
            ["environment"] = new JsonArray(new JsonObject { ["name"] = "APP_COLOR", ["value"] = color.Name() }),
            ["logConfiguration"] = new JsonObject
            {
                ["logDriver"] = "awslogs",
                ["options"] = new JsonObject
                {
                    ["awslogs-group"] = names.LogGroup,
                    ["awslogs-region"] = region,
                    ["awslogs-stream-prefix"] = "ecs",
                },
            },
        };
        if (settings.DatabaseSecretArn is { } secret)
            container["secrets"] = new JsonArray(new JsonObject { ["name"] = "DATABASE_URL", ["valueFrom"] = secret });

        var request = new JsonObject
        {
            ["family"] = names.TaskFamily(color),
            ["networkMode"] = "awsvpc",
            ["requiresCompatibilities"] = new JsonArray("FARGATE"),
            ["cpu"] = settings.Cpu,
            ["memory"] = settings.Memory,
            ["executionRoleArn"] = settings.ExecutionRoleArn,
            ["containerDefinitions"] = new JsonArray(container),
        };
        if (settings.TaskRoleArn is { } role)
            request["taskRoleArn"] = role;
        return request;
    }
}
