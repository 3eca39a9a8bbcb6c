using Engine;
using Engine.Workflows;

namespace BuildTests.Workflows.Graphs;

/// <summary>Declarations with mistakes, each of which generation must name.</summary>
internal sealed class MisdeclaredBuild : BuildBase
{
    [Parameter]
    private readonly string? Token = null;

    [Parameter]
    [Secret]
    private readonly string? Password = null;

    [Parameter]
    private readonly string? Unused = null;

    private Target Compile => _ => _.Requires(() => Token).Requires(() => Password).Requires(() => Unused).Executes(() => { });

    private Target Publish => _ => _.Executes(() => { });

    private WorkflowDeclaration Ci => new("ci.yml", "CI")
    {
        On = new() { Push = new() },
        Invokes = [Compile],
        Parameters =
        [
            ParameterMapping.Secret(nameof(Token), "TOKEN"),
            ParameterMapping.Variable(nameof(Password), "PASSWORD"),
            ParameterMapping.Variable("Missing", "MISSING"),
            ParameterMapping.Variable(nameof(Unused), "bad name"),
        ],
        Jobs = [new(Publish), new(Compile) { Parameters = ["Nowhere"], Environments = ["staging", "production"], Profile = "staging" }],
    };
}

/// <summary>PushEcr needs Scan, Scan needs BuildImage: BuildImage and PushEcr cannot share a machine.</summary>
internal sealed class SharedMachineCycleBuild : BuildBase
{
    private Target BuildImage => _ => _.Executes(() => { });

    private Target Scan => _ => _.DependsOn(BuildImage).Executes(() => { });

    private Target PushEcr => _ => _.DependsOn(BuildImage, Scan).Executes(() => { });

    private WorkflowDeclaration Deploy => new("deploy.yml", "Deploy")
    {
        On = new() { Push = new() },
        Invokes = [PushEcr],
        Jobs = [new(BuildImage, PushEcr)],
    };
}

internal sealed class UnusedMappingBuild : BuildBase
{
    [Parameter]
    private readonly string? Region = null;

    private Target Compile => _ => _.Executes(() => Log.Information($"{Region}"));

    private WorkflowDeclaration Ci => new("ci.yml", "CI")
    {
        On = new() { Push = new() },
        Invokes = [Compile],
        Parameters = [ParameterMapping.Variable(nameof(Region), "REGION")],
        Jobs = [new(Compile) { OnFailureOf = [Compile], RunsWhen = RunCondition.Always }],
    };
}

/// <summary>A lambda is not a target: the engine knows targets by their properties.</summary>
internal sealed class UnknownTargetBuild : BuildBase
{
    private Target Compile => _ => _.Executes(() => { });

    private WorkflowDeclaration Ci => new("ci.yml", "CI") { Invokes = [Compile, _ => _] };
}

internal sealed class DuplicateFileBuild : BuildBase
{
    private Target Compile => _ => _.Executes(() => { });

    private WorkflowDeclaration First => new("ci.yml", "CI") { On = new() { Push = new() }, Invokes = [Compile] };

    private WorkflowDeclaration Second => new("ci.yml", "CI again") { On = new() { Push = new() }, Invokes = [Compile] };
}

/// <summary>AWS access sets AWS_REGION itself: a mapping of the region parameter would give the variable twice.</summary>
internal sealed class AwsRegionTwiceBuild : BuildBase
{
    [Parameter]
    private readonly string? AwsRegion = null;

    private Target Deploy => _ => _.Executes(() => Log.Information($"{AwsRegion}"));

    private WorkflowDeclaration Ci => new("deploy.yml", "Deploy")
    {
        On = new() { Push = new() },
        Invokes = [Deploy],
        Parameters = [ParameterMapping.Variable(nameof(AwsRegion), "REGION")],
        Jobs = [new(Deploy) { Credentials = new AwsAccess("ROLE", "bad-region"), Parameters = [nameof(AwsRegion)] }],
    };
}
