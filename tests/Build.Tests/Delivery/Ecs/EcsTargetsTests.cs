using BuildTests.Aws;
using BuildTests.Cli;

namespace BuildTests.Delivery.Ecs;

/// <summary>
/// ./build.sh DeployBlueGreen and DeployProduction on an ECS environment as a user runs them, against moto: each kind of
/// bad input is one line, exit 1, and nothing in AWS changed.
/// </summary>
public sealed class EcsTargetsTests : IDisposable
{
    private const string Other = "127.0.0.1:5000/app@sha256:dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd";
    private readonly CompiledBuild build = new();

    [MotoFact]
    public async Task An_environment_that_was_never_provisioned_or_another_region_is_one_line()
    {
        var app = "t" + Guid.NewGuid().ToString("N")[..6];

        var (code, output) = await DeployAsync(app, "staging");
        var (otherRegionCode, otherRegion) = await DeployAsync(app, "staging", "--aws-region", "eu-west-3");

        Expect(code, output, $"ECS cluster '{app}-staging' not found (or not ACTIVE) in us-east-1: run ./build.sh Provision --environment staging");
        Expect(otherRegionCode, otherRegion, $"ECS cluster '{app}-staging' not found (or not ACTIVE) in eu-west-3");
    }

    [MotoFact]
    public async Task A_production_listener_without_a_forward_action_is_refused_before_anything_changes()
    {
        var environment = await MotoEcsEnvironment.ProvisionedAsync();
        var balancer = (await environment.Elb.DescribeLoadBalancer(environment.Names.LoadBalancer, CancellationToken.None))!;
        var listener = (await environment.Elb.DescribeListeners(balancer.Arn, CancellationToken.None)).Single(l => l.Port == 80);
        using (var elb = new AwsQueryClient(MotoNetwork.Connection(), Elbv2.Service))
        {
            await elb.CallAsync(
                "ModifyListener",
                new AwsQueryParameters().Add("ListenerArn", listener.Arn)
                    .Add("DefaultActions.member.1.Type", "fixed-response")
                    .Add("DefaultActions.member.1.FixedResponseConfig.StatusCode", "503")
                    .Add("DefaultActions.member.1.FixedResponseConfig.ContentType", "text/plain"),
                CancellationToken.None);
        }

        var (code, output) = await DeployAsync(environment.Names.App, "staging");

        Expect(code, output, "the production listener on port 80 of '" + environment.Names.LoadBalancer + "' has no single forward action (it has: fixed-response)");
        Assert.Empty((await environment.Ecs.ListTaskDefinitions(environment.Names.TaskFamily(Color.Blue), CancellationToken.None)).Skip(1));
        Assert.Equal(0, await environment.Platform().CapacityAsync(Color.Blue, CancellationToken.None));
    }

    [MotoFact]
    public async Task DeployProduction_refuses_a_digest_that_never_went_live_in_staging()
    {
        var staging = await MotoEcsEnvironment.ProvisionedAsync();
        await staging.DeployAsync(MotoEcsEnvironment.ImageB);
        File.WriteAllText(Path.Combine(build.Root, ".nuke", "parameters.production.json"), "{}");

        var (code, output) = await build.RunAsync(Moto(), "DeployProduction", "--ecs-app", staging.Names.App, "--image-digest", Other);

        Expect(code, output, $"{Other} never went live in staging (live there: {MotoEcsEnvironment.ImageB}); production only gets what staging verified");
        Assert.Null(await staging.Ecs.DescribeCluster($"{staging.Names.App}-production", CancellationToken.None));
    }

    public void Dispose() => build.Dispose();

    private static void Expect(int code, string output, string line)
    {
        Assert.True(code == 1, output);
        Assert.Contains(line, output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal); // one line, no stack trace
    }

    private Task<(int ExitCode, string Output)> DeployAsync(string app, string environment, params string[] args)
    {
        File.WriteAllText(Path.Combine(build.Root, ".nuke", $"parameters.{environment}.json"), "{}");
        return build.RunAsync(Moto(), ["DeployBlueGreen", "--environment", environment, "--ecs-app", app, "--image-digest", Other, .. args]);
    }

    private static Dictionary<string, string> Moto() => new()
    {
        ["AWS_ENDPOINT_URL"] = Environment.GetEnvironmentVariable(Services.Moto) ?? "http://127.0.0.1:1",
        ["AWS_ACCESS_KEY_ID"] = "test",
        ["AWS_SECRET_ACCESS_KEY"] = "test",
        ["AWS_REGION"] = "us-east-1",
        ["AWS_EC2_METADATA_DISABLED"] = "true",
    };
}
