using System.Text.Json;

namespace BuildTests.Database.Aws;

/// <summary>Which service's network the migration task borrows, on DescribeServices answers shaped like ECS's documented ones.</summary>
public sealed class MigrationTaskNetworkTests
{
    [Fact]
    public void The_serving_color_is_chosen_whichever_is_described_first()
    {
        var services = Services(("app-staging-green", "ACTIVE", 0, "subnet-green"), ("app-staging-blue", "ACTIVE", 2, "subnet-blue"));

        Assert.Equal("app-staging-blue", MigrationTaskNetwork.Choose(services)!.Name);
    }

    [Fact]
    public void With_no_color_serving_either_will_do_but_never_an_inactive_one()
    {
        Assert.Equal("app-staging-green", MigrationTaskNetwork.Choose(Services(("app-staging-blue", "INACTIVE", 0, "subnet-blue"), ("app-staging-green", "ACTIVE", 0, "subnet-green")))!.Name);
        Assert.Null(MigrationTaskNetwork.Choose(Services(("app-staging-blue", "INACTIVE", 0, "subnet-blue"))));
        Assert.Null(MigrationTaskNetwork.Choose([]));
    }

    private static List<EcsService> Services(params (string Name, string Status, int Desired, string Subnet)[] services) =>
    [
        .. services.Select(s =>
        {
            using var document = JsonDocument.Parse($$"""
                {
                  "serviceArn": "arn:aws:ecs:us-east-1:012345678910:service/app-staging/{{s.Name}}",
                  "serviceName": "{{s.Name}}",
                  "clusterArn": "arn:aws:ecs:us-east-1:012345678910:cluster/app-staging",
                  "status": "{{s.Status}}",
                  "desiredCount": {{s.Desired}},
                  "runningCount": {{s.Desired}},
                  "pendingCount": 0,
                  "launchType": "FARGATE",
                  "taskDefinition": "arn:aws:ecs:us-east-1:012345678910:task-definition/app-staging:7",
                  "deployments": [],
                  "events": [],
                  "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["{{s.Subnet}}"], "securityGroups": ["sg-1"], "assignPublicIp": "DISABLED" } }
                }
                """);
            return EcsService.From(document.RootElement);
        }),
    ];
}
