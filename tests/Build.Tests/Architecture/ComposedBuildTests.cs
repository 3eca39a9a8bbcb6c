using System.Text.RegularExpressions;
using BuildTests.Cli;

namespace BuildTests.Architecture;

/// <summary>
/// Builds of a user's own (tests/Fixtures/ComposedBuilds) compose part of the components and get exactly those:
/// their --help lists their targets and no other, a build that does not deliver to AWS has no AWS component and no
/// AWS parameter, and each platform refuses an environment the hosting map puts elsewhere in one line.
/// </summary>
public sealed partial class ComposedBuildTests
{
    [Theory]
    [InlineData("LintAndTest", new[] { "Lint", "Test" })]
    [InlineData("LocalDelivery", new[] { "Lint", "Test", "BuildImage", "DeployBlueGreen" })]
    [InlineData("EcsDelivery", new[] { "Lint", "Test", "BuildImage", "Scan", "PushEcr", "MigrateDb", "RestoreDb", "DeployBlueGreen", "SmokeTest", "Rollback", "Provision", "DeployStaging", "DeployProduction" })]
    public async Task Its_help_lists_exactly_the_targets_it_composes(string build, string[] targets)
    {
        var help = await HelpAsync(build);

        Assert.Equal(targets.Order(), TargetLine().Matches(TargetsSection(help)).Select(m => m.Groups["name"].Value).Order());
    }

    [Theory]
    [InlineData("LintAndTest")]
    [InlineData("LocalDelivery")]
    public async Task A_build_that_does_not_deliver_to_aws_has_nothing_of_aws(string build)
    {
        var help = await HelpAsync(build);
        var components = BuildType(build).GetInterfaces().Select(i => i.Name).ToList();

        Assert.DoesNotMatch(AwsParameter(), help);
        Assert.DoesNotContain(components, name => name is nameof(IHazAws) or nameof(IHazEcs) or nameof(IHazAwsDatabase) or nameof(IHazEcsPlatform));
    }

    [Fact]
    public async Task The_ecs_build_has_the_aws_parameters_it_uses_and_no_local_platform()
    {
        var help = await HelpAsync("EcsDelivery");

        Assert.Contains("--aws-region", help, StringComparison.Ordinal);
        Assert.DoesNotContain("--local-public-port", help, StringComparison.Ordinal);
        Assert.DoesNotContain(BuildType("EcsDelivery").GetInterfaces(), i => i == typeof(IHazLocalPlatform) || i == typeof(IHazLocalDatabase));
    }

    [Fact]
    public async Task The_local_build_refuses_an_environment_hosted_on_ecs_before_it_contacts_anything()
    {
        using var build = new CompiledBuild("LocalDelivery.dll");
        File.WriteAllText(Path.Combine(build.Root, ".nuke", "parameters.staging.json"), "{}");

        var (code, output) = await build.RunAsync(null, "DeployBlueGreen", "--environment", "staging", "--image-digest", "localhost:5000/app@sha256:" + new string('a', 64));

        Assert.Equal(1, code);
        Assert.Contains("the staging environment is hosted on ecs, not local: the local platform (this machine's Docker and HAProxy) serves local only", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MigrateDb", "the local environment is hosted on local, not ecs: the AWS database (RDS, the migration task) serves staging, production only")]
    [InlineData("Provision", "the local environment is hosted on local, not ecs: the ECS platform serves staging, production only")]
    public async Task The_ecs_build_refuses_the_local_environment_before_it_contacts_anything(string target, string refusal)
    {
        using var build = new CompiledBuild("EcsDelivery.dll");
        File.WriteAllText(Path.Combine(build.Root, ".nuke", "parameters.local.json"), "{}");

        var (code, output) = await build.RunAsync(new Dictionary<string, string> { ["AWS_REGION"] = "eu-west-1" }, target, "--environment", "local");

        Assert.Equal(1, code);
        Assert.Contains(refusal, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_lint_and_test_build_plans_its_own_graph()
    {
        using var build = new CompiledBuild("LintAndTest.dll");

        var (code, output) = await build.RunAsync(null, "Lint", "Test", "--plan");

        Assert.Equal(0, code);
        Assert.Matches(@"1\. Lint", output);
        Assert.Matches(@"\d\. Test", output);
    }

    private static async Task<string> HelpAsync(string build)
    {
        using var compiled = new CompiledBuild(build + ".dll");
        var (code, output) = await compiled.RunAsync(null, "--help");
        Assert.Equal(0, code);
        return output;
    }

    private static Type BuildType(string build) =>
        Type.GetType($"{build}Build, {build}", throwOnError: true)!;

    private static string TargetsSection(string help) =>
        help[help.IndexOf("Targets:", StringComparison.Ordinal)..help.IndexOf("Parameters", StringComparison.Ordinal)];

    [GeneratedRegex(@"^  (?<name>[A-Z]\w+)\b", RegexOptions.Multiline)]
    private static partial Regex TargetLine();

    [GeneratedRegex(@"--(aws|ecs|ecr|rds)-")]
    private static partial Regex AwsParameter();
}
