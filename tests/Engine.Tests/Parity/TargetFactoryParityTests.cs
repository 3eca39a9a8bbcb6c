using Engine.Targets;

namespace Engine.Tests.Parity;

/// <summary>The cases of NUKE's ExecutableTargetFactoryTest: every kind of edge, and overrides across classes and components.</summary>
public class TargetFactoryParityTests
{
    [Fact]
    public void Each_kind_of_edge_lands_on_the_right_side()
    {
        var graph = TargetGraph.FromBuild(new EdgeBuild());
        ExecutableTarget T(string name) => graph.Find(name)!;

        Assert.Equal("the A target", T("A").Description);
        Assert.Empty(T("A").Predecessors);
        Assert.Equal([T("D")], T("B").ExecutionDependencies);
        Assert.Equal([T("C")], T("B").TriggerDependencies);
        Assert.Equal(DependencyBehavior.Execute, T("B").Definition.SkippedDependencies);
        Assert.Single(T("B").Definition.StaticConditions);
        Assert.Equal([T("B")], T("C").TriggeredTargets);
        Assert.Equal([T("D")], T("C").TriggerDependencies);
        Assert.Equal([T("B")], T("C").ExecutionDependencies);
        Assert.Equal([T("D")], T("C").OrderDependencies);
        Assert.Equal(DependencyBehavior.Skip, T("D").Definition.SkippedDependencies);
        Assert.Single(T("D").Definition.DynamicConditions);
        Assert.Equal([T("B")], T("D").OrderDependencies);
        Assert.Equal([T("C")], T("D").TriggeredTargets);
    }

    [Fact]
    public void Overrides_across_base_classes_and_components_give_one_target_each_with_definitions_composed_once()
    {
        var graph = TargetGraph.FromBuild(new FinalBuild());
        ExecutableTarget T(string name) => graph.Find(name)!;

        Assert.Equal(8, graph.Targets.Count);
        Assert.Equal(graph.Targets.Count, graph.Targets.Select(t => t.Name).Distinct().Count());
        Assert.Single(T("SharedTarget").Definition.Actions);
        Assert.Equal([T("SpecificTarget")], T("SharedTarget").ExecutionDependencies);
        Assert.Equal("SharedTarget", T("SharedTarget").Description);
        Assert.Single(T("SpecificTarget").Definition.Actions);
        Assert.Equal([T("SharedTarget")], T("SpecificTarget").OrderDependencies);
        Assert.Equal("SpecificTarget", T("SpecificTarget").Description);
        Assert.All(
            ["AbstractSharedTarget", "ExplicitSharedTarget", "ExplicitTargetWithDefault", "ExplicitTargetWithoutDefault", "TargetWithDefault"],
            name => Assert.Equal("RIGHT", T(name).Description));
    }

    [Fact]
    public void Base_without_a_base_definition_says_so()
    {
        var error = Assert.Throws<UsageException>(() => TargetGraph.FromBuild(new BaselessBuild()));
        Assert.Equal("Target Lonely calls Base(), but it overrides no other definition of Lonely.", error.Message);
    }

    [Fact]
    public void A_definition_that_throws_is_a_usage_error_naming_the_target()
    {
        var error = Assert.Throws<UsageException>(() => TargetGraph.FromBuild(new ThrowingDefinitionBuild()));
        Assert.Equal("The definition of target Broken threw InvalidOperationException: no such setting", error.Message);
    }

    private sealed class ThrowingDefinitionBuild : BuildBase
    {
        public Target Broken => _ => throw new InvalidOperationException("no such setting");
    }

    private sealed class EdgeBuild : BuildBase
    {
        public Target A => _ => _.Description("the A target").Executes(() => { });
        public Target B => _ => _.WhenSkipped(DependencyBehavior.Execute).OnlyWhenStatic(() => true).DependsOn(D).DependentFor(C);
        public Target C => _ => _.Triggers(B).TriggeredBy(D);
        public Target D => _ => _.WhenSkipped(DependencyBehavior.Skip).OnlyWhenDynamic(() => true).After(B).Before(C);
    }

    private sealed class BaselessBuild : BuildBase
    {
        public Target Lonely => _ => _.Base();
    }
}

public interface ISharedComponent : IBuild
{
    Target SharedTarget => _ => _.Executes(() => { });

    Target AbstractSharedTarget { get; }

    Target ExplicitSharedTarget => _ => _.Description("WRONG");
}

public interface IAnotherSharedComponent : IBuild
{
    Target ExplicitTargetWithDefault => _ => _.Description("WRONG");

    Target ExplicitTargetWithoutDefault { get; }

    Target TargetWithDefault => _ => _.Description("RIGHT");

    Target ExplicitTarget => _ => _;
}

#pragma warning disable CA1033 // the explicit implementations are what these tests are about
public class BaseBuild : BuildBase
{
    public virtual Target SpecificTarget => _ => _.Executes(() => { });
}

public abstract class IntermediateBuild : BaseBuild, ISharedComponent
{
    public override Target SpecificTarget => _ => _.Base().After(SharedTarget);

    public virtual Target SharedTarget => _ => _.Inherit<ISharedComponent>(x => x.SharedTarget).DependsOn(SpecificTarget);

    public abstract Target AbstractSharedTarget { get; }

    Target ISharedComponent.ExplicitSharedTarget => _ => _.Description("RIGHT");
}

public sealed class FinalBuild : IntermediateBuild, IAnotherSharedComponent
{
    public override Target SpecificTarget => _ => _.Base().Description("SpecificTarget");

    public override Target SharedTarget => _ => _.Base().Description("SharedTarget");

    public override Target AbstractSharedTarget => _ => _.Description("RIGHT");

    Target IAnotherSharedComponent.ExplicitTargetWithDefault => _ => _.Description("RIGHT");

    Target IAnotherSharedComponent.ExplicitTargetWithoutDefault => _ => _.Description("RIGHT");

    Target IAnotherSharedComponent.ExplicitTarget => _ => _;
}
#pragma warning restore CA1033
