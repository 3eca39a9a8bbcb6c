namespace Engine.Tests;

/// <summary>A build whose targets record the order they ran in; each test sets what fails.</summary>
internal class RecordingBuild : BuildBase
{
    public List<string> Ran { get; } = [];
    public HashSet<string> Failing { get; } = [];

    protected ITargetDefinition Record(ITargetDefinition definition, string name) =>
        definition.Executes(() =>
        {
            lock (Ran)
                Ran.Add(name);
            if (Failing.Contains(name))
                throw new InvalidOperationException($"{name} broke");
        });
}

/// <summary>Restore → Compile → Test, Pack after Test; Publish triggers Announce; Cleanup is assured.</summary>
internal sealed class ChainBuild : RecordingBuild
{
    public Target Restore => _ => Record(_, nameof(Restore));
    public Target Compile => _ => Record(_.DependsOn(Restore), nameof(Compile));
    public Target Test => _ => Record(_.DependsOn(Compile), nameof(Test));
    public Target Pack => _ => Record(_.DependsOn(Compile).After(Test), nameof(Pack));
    public Target Publish => _ => Record(_.DependsOn(Pack).Triggers(Announce), nameof(Publish));
    public Target Announce => _ => Record(_, nameof(Announce));
    public Target Cleanup => _ => Record(_.AssuredAfterFailure().TriggeredBy(Compile), nameof(Cleanup));
    public Target All => _ => _.DependsOn(Test, Pack);
}

internal sealed class CycleBuild : RecordingBuild
{
    public Target First => _ => Record(_.DependsOn(Third), nameof(First));
    public Target Second => _ => Record(_.DependsOn(First), nameof(Second));
    public Target Third => _ => Record(_.After(Second), nameof(Third));
}
