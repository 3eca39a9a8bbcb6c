using Engine;
using Engine.Workflows;

namespace BuildTests.Workflows.Graphs;

/// <summary>Two builds that differ only in one DependsOn: the generated needs must follow.</summary>
internal sealed class IndependentBuild : BuildBase
{
    private Target Lint => _ => _.Executes(() => { });

    private Target Test => _ => _.Executes(() => { });

    private Target Report => _ => _.DependsOn(Lint, Test).Executes(() => { });

    private WorkflowDeclaration Ci => new("ci.yml", "CI") { On = new() { Push = new() }, Invokes = [Report] };
}

internal sealed class DependentBuild : BuildBase
{
    private Target Lint => _ => _.Executes(() => { });

    private Target Test => _ => _.DependsOn(Lint).Executes(() => { });

    private Target Report => _ => _.DependsOn(Lint, Test).Executes(() => { });

    private WorkflowDeclaration Ci => new("ci.yml", "CI") { On = new() { Push = new() }, Invokes = [Report] };
}
