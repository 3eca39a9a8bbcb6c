using Engine.Running;
using Engine.Targets;

namespace Engine.Tests.Parity;

/// <summary>
/// The cases of NUKE's DefaultInterfaceExecutionTest: targets and parameters declared on components (interfaces
/// with default members) and composed by a build class.
/// </summary>
public class ComponentParityTests
{
    [Fact]
    public void A_components_targets_keep_their_edges_and_a_build_can_depend_on_them_by_type()
    {
        var graph = TargetGraph.FromBuild(new ComposedBuild());
        ExecutableTarget T(string name) => graph.Find(name)!;

        Assert.Equal([T("D")], T("B").ExecutionDependencies);
        Assert.Equal([T("C")], T("B").TriggerDependencies);
        Assert.Equal([T("B")], T("C").ExecutionDependencies);
        Assert.Equal([T("D")], T("C").OrderDependencies);
        Assert.Equal([T("A")], T("E").ExecutionDependencies);
    }

    [Fact]
    public void The_default_target_can_be_a_components_target()
    {
        var build = new RunnableBuild();
        using var run = new BuildRun();

        Assert.Equal(BuildHost.Success, run.Run(build, b => b.From<IRunnableComponent>().Run));
        Assert.Equal(["Run"], build.Ran);
    }

    [Fact]
    public void Targets_of_an_inherited_component_are_found_through_the_one_the_build_implements()
    {
        var graph = TargetGraph.FromBuild(new InheritingBuild());

        Assert.Equal([graph.Find("A")!], graph.Find("F")!.TriggeredTargets);
        Assert.Equal([graph.Find("D")!], graph.Find("B")!.ExecutionDependencies);
    }

    [Fact]
    public void A_components_parameter_is_bound_like_any_other_and_satisfies_requirements()
    {
        using var run = new BuildRun();
        run.Environment["GREETING"] = "hello";
        var build = new GreetingBuild();

        Assert.Equal(BuildHost.Success, run.Run(build, "Greet"));
        Assert.Equal(["hello, world"], build.Greetings);

        using var without = new BuildRun();
        without.Environment["GREETING"] = "";
        Assert.Equal(BuildHost.UsageError, without.Run(new GreetingBuild(), "Greet"));
        Assert.Contains("Target Greet requires parameter Greeting: pass --greeting", without.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_components_parameter_has_its_default_when_no_source_gives_one()
    {
        using var run = new BuildRun();
        run.Environment["GREETING"] = "hi";
        var build = new GreetingBuild();

        run.Run(build, "Greet", "--help");

        Assert.Contains("--audience <text>", run.Output, StringComparison.Ordinal);
        Assert.Contains("default: world; now: world (from default)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Depending_on_a_component_the_build_does_not_implement_is_an_error_and_Try_ignores_it()
    {
        var error = Assert.Throws<UsageException>(() => TargetGraph.FromBuild(new MissingComponentBuild()));
        Assert.Contains("refers to IAbcComponent, which MissingComponentBuild does not implement", error.Message, StringComparison.Ordinal);

        Assert.Empty(TargetGraph.FromBuild(new OptionalComponentBuild()).Find("E")!.ExecutionDependencies);
    }

    [Fact]
    public void A_non_public_target_cannot_override_a_components_target()
    {
        var error = Assert.Throws<UsageException>(() => TargetGraph.FromBuild(new PrivateOverrideBuild()));
        Assert.Equal("Target PrivateOverrideBuild.D must be public to override IAbcComponent.D.", error.Message);
    }

    [Fact]
    public void A_target_two_unrelated_components_declare_must_be_implemented_by_the_build()
    {
        var error = Assert.Throws<UsageException>(() => TargetGraph.FromBuild(new AmbiguousBuild()));
        Assert.Contains("Target D is declared by IAbcComponent and IOtherD", error.Message, StringComparison.Ordinal);

        var graph = TargetGraph.FromBuild(new DisambiguatedBuild());
        Assert.Single(graph.Targets, t => t.Name == "D");
        Assert.Equal("the build's own D", graph.Find("D")!.Description);
    }

    [Fact]
    public void A_component_that_implements_another_components_declaration_gives_one_target()
    {
        var build = new DeclaringAndImplementingBuild();
        var graph = TargetGraph.FromBuild(build);

        Assert.Single(graph.Targets);
        Assert.Equal("implemented by IImplementingComponent", graph.Targets[0].Description);
    }

    [Fact]
    public void An_explicit_override_can_inherit_the_components_definition_and_add_to_it()
    {
        var build = new ExtendingBuild();
        using var run = new BuildRun();

        Assert.Equal(BuildHost.Success, run.Run(build, "Run"));
        Assert.Equal(["Run", "Run extended"], build.Ran);
    }
}

public interface IAbcComponent : IBuild
{
    Target A => _ => Record(_, "A");
    Target B => _ => Record(_.WhenSkipped(DependencyBehavior.Execute).DependsOn(D).DependentFor(C), "B");
    Target C => _ => Record(_.Triggers(B), "C");
    Target D => _ => Record(_.After(B).Before(C), "D");

    List<string> Ran { get; }

    ITargetDefinition Record(ITargetDefinition definition, string name) => definition.Executes(() => Ran.Add(name));
}

public interface IRunnableComponent : IBuild
{
    List<string> Ran { get; }

    Target Run => _ => _.Executes(() => Ran.Add("Run"));
}

public interface IInheritingComponent : IAbcComponent
{
    Target F => _ => _.Triggers<IAbcComponent>(x => x.A);
}

public interface IOtherD : IBuild
{
    Target D => _ => _.Description("the other D");
}

public interface IGreetingComponent : IBuild
{
    [Parameter("Who greets")]
    string? Greeting => TryGetValue(() => Greeting);

    [Parameter("Who is greeted")]
    string Audience => TryGetValue(() => Audience) ?? "world";

    List<string> Greetings { get; }

    Target Greet => _ => _.Requires(() => Greeting).Executes(() => Greetings.Add($"{Greeting}, {Audience}"));
}

public interface IDeclaringComponent : IBuild
{
    Target Foo { get; }
}

public interface IImplementingComponent : IDeclaringComponent
{
    Target IDeclaringComponent.Foo => _ => _.Description("implemented by IImplementingComponent");
}

internal sealed class ComposedBuild : BuildBase, IAbcComponent
{
    public List<string> Ran { get; } = [];
    public Target E => _ => _.DependsOn<IAbcComponent>(x => x.A).Executes(() => Ran.Add("E"));
}

internal sealed class InheritingBuild : BuildBase, IInheritingComponent
{
    public List<string> Ran { get; } = [];
}

internal sealed class GreetingBuild : BuildBase, IGreetingComponent
{
    public List<string> Greetings { get; } = [];
}

internal sealed class MissingComponentBuild : BuildBase
{
    public Target E => _ => _.DependsOn<IAbcComponent>(x => x.A);
}

internal sealed class OptionalComponentBuild : BuildBase
{
    public Target E => _ => _.TryDependsOn<IAbcComponent>(x => x.A);
}

internal sealed class PrivateOverrideBuild : BuildBase, IAbcComponent
{
    public List<string> Ran { get; } = [];
    private Target D => _ => _;
}

internal sealed class AmbiguousBuild : BuildBase, IAbcComponent, IOtherD
{
    public List<string> Ran { get; } = [];
}

internal sealed class DisambiguatedBuild : BuildBase, IAbcComponent, IOtherD
{
    public List<string> Ran { get; } = [];
    public Target D => _ => _.Description("the build's own D");
}

internal sealed class DeclaringAndImplementingBuild : BuildBase, IImplementingComponent;

internal sealed class RunnableBuild : BuildBase, IRunnableComponent
{
    public List<string> Ran { get; } = [];
}

internal sealed class ExtendingBuild : BuildBase, IRunnableComponent
{
    public List<string> Ran { get; } = [];

#pragma warning disable CA1033 // the explicit override is the point
    Target IRunnableComponent.Run => _ => _.Inherit<IRunnableComponent>(x => x.Run).Executes(() => Ran.Add("Run extended"));
#pragma warning restore CA1033
}
