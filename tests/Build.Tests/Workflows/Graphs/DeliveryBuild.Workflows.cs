using Engine.Workflows;

namespace BuildTests.Workflows.Graphs;

/// <summary>The delivery flows declared the way build/WorkflowDeclarations declares the real ones: declarations only.</summary>
internal sealed partial class DeliveryBuild
{
    // The same variable names in both environments: each GitHub environment sets its own role and region.
    private static readonly AwsAccess DeployAws = new("AWS_DEPLOY_ROLE_ARN", "AWS_REGION");

    private WorkflowDeclaration Ci => new("ci.yml", "CI")
    {
        On = new() { Push = new() { Branches = ["main"] }, PullRequest = new() { Branches = ["main"], Paths = ["src/**", "build/**"] } },
        Invokes = [Lint, Test],
        Concurrency = Concurrency.PerRef,
        Jobs = [new(Compile, Test) { UploadsOnFailure = true }],
    };

    /// <summary>Main goes to staging: image pushed, database migrated, blue/green deploy, smoke test, rollback on failure.</summary>
    private WorkflowDeclaration DeployStaging => new("deploy-staging.yml", "Deploy staging")
    {
        On = new() { Push = new() { Branches = ["main"], Paths = ["src/**"] } },
        Invokes = [Deploy, Rollback],
        Concurrency = Concurrency.Deployment("staging"),
        Parameters =
        [
            ParameterMapping.Secret(nameof(DatabasePassword), "DATABASE_PASSWORD"),
            ParameterMapping.Output(nameof(ImageDigest), PushEcr, ImageDigestOutput),
            ParameterMapping.Variable(nameof(AlarmTopic), "ALARM_TOPIC"),
        ],
        Jobs =
        [
            new(BuildImage, PushEcr) { Id = "image", Environment = "staging", Credentials = DeployAws },
            new(MigrateDb) { Environment = "staging", Credentials = DeployAws, Profile = "staging" },
            new(DeployBlueGreen)
            {
                Environment = "staging", EnvironmentUrl = "https://staging.example.com", Credentials = DeployAws, Profile = "staging",
                Parameters = [nameof(AlarmTopic)], UploadsOnFailure = true, TimeoutMinutes = 45,
            },
            new(SmokeTest) { Environment = "staging", Profile = "staging" },
            new(Rollback) { OnFailureOf = [DeployBlueGreen, SmokeTest], Environment = "staging", Credentials = DeployAws, Profile = "staging" },
        ],
    };

    /// <summary>Production promotes a digest staging proved: dispatched by hand, gated by the environment's reviewers.</summary>
    private WorkflowDeclaration DeployProduction => new("deploy-production.yml", "Deploy production")
    {
        On = new()
        {
            Dispatch = new()
            {
                Inputs =
                [
                    new(nameof(ImageDigest)) { Required = true },
                    new(nameof(Strategy)) { Default = "BlueGreen" },
                    new(nameof(RunSmokeTest)) { Default = "true", Description = "Run the smoke test after deploying" },
                ],
            },
        },
        Invokes = [Deploy, Rollback],
        Skips = [PushEcr],
        Concurrency = Concurrency.Deployment("production"),
        Parameters = [ParameterMapping.Secret(nameof(DatabasePassword), "DATABASE_PASSWORD")],
        Jobs =
        [
            new(MigrateDb) { Environment = "production", Credentials = DeployAws, Profile = "production" },
            new(DeployBlueGreen)
            {
                Environment = "production", Credentials = DeployAws, Profile = "production",
                Parameters = [nameof(Strategy)], UploadsOnFailure = true,
            },
            new(SmokeTest) { Environment = "production", Profile = "production", Parameters = [nameof(RunSmokeTest)] },
            new(Rollback) { OnFailureOf = [DeployBlueGreen, SmokeTest], Environment = "production", Credentials = DeployAws, Profile = "production" },
        ],
    };

    /// <summary>A version tag: tests, packages, and the GitHub release with the version computed from the tags.</summary>
    private WorkflowDeclaration Release => new("release.yml", "Release")
    {
        On = new() { Push = new() { Tags = ["v*"] } },
        Invokes = [PublishRelease],
        FetchDepth = 0,
        ArtifactRetentionDays = 30,
        Parameters =
        [
            ParameterMapping.Secret(nameof(GitHubToken), "GITHUB_TOKEN"),
            ParameterMapping.Output(nameof(ReleaseVersion), Version, VersionOutput),
        ],
        Jobs =
        [
            new(Compile, Test, Pack) { Id = "package" },
            new(PublishRelease) { Permissions = Permissions.None.With(PermissionScope.Contents, PermissionLevel.Write), FetchDepth = 1 },
        ],
    };

    /// <summary>Nightly and on demand: the image scanned, findings to code scanning.</summary>
    private WorkflowDeclaration Security => new("security.yml", "Security scan")
    {
        On = new() { Schedules = ["17 3 * * 1-5"], Dispatch = new() },
        Invokes = [Scan],
        Jobs = [new(Scan) { Sarif = "artifacts/scan/results.sarif", UploadsOnFailure = true }],
    };
}
