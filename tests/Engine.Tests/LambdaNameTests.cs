using Engine.Running;

namespace Engine.Tests;

/// <summary>
/// TryGetValue(() => Name) and Inherit&lt;T&gt;(x => x.Target) name a property through the text the compiler passes
/// (CallerArgumentExpression), not an expression tree: the forms C# allows still name the same property, and anything
/// else is refused as before.
/// </summary>
public class LambdaNameTests
{
    [Fact]
    public void Inherit_takes_the_lambda_in_its_usual_forms()
    {
        foreach (var build in new IInheritForms[] { new PlainInherit(), new ParenthesizedInherit(), new TypedInherit() })
        {
            using var run = new BuildRun();

            Assert.Equal(BuildHost.Success, run.Run((BuildBase)build, "Run"));
            Assert.Equal(["Run", "Run extended"], build.Ran);
        }
    }

    [Fact]
    public void Inherit_of_something_that_is_not_the_components_property_is_a_usage_error()
    {
        using var run = new BuildRun();

        Assert.Equal(BuildHost.UsageError, run.Run(new MisusedInherit(), "Run"));
        Assert.Contains("Target Run: Inherit<IInheritForms> takes a component's target property, as in x => x.Run.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void TryGetValue_names_the_property_with_or_without_this()
    {
        using var run = new BuildRun();
        var build = new NamedParameterBuild();

        Assert.Equal(BuildHost.Success, run.Run(build, "Show", "--plain", "a", "--qualified", "b"));
        Assert.Equal(("a", "b"), (build.Seen.Plain, build.Seen.Qualified));
    }

    [Fact]
    public void TryGetValue_of_anything_but_a_property_is_refused()
    {
        var build = new NamedParameterBuild();

        var e = Assert.Throws<ArgumentException>(() => build.TryGetValue(() => build.Seen.Plain + "x"));
        Assert.Contains("TryGetValue takes the parameter's own property: () => Name", e.Message, StringComparison.Ordinal);
    }

    public interface IInheritForms : IBuild
    {
        List<string> Ran { get; }

        Target Run => _ => _.Executes(() => Ran.Add("Run"));
    }

    public interface INamedParameters : IBuild
    {
        [Parameter] string? Plain => TryGetValue(() => Plain);
        [Parameter] string? Qualified => TryGetValue(() => this.Qualified);
    }

#pragma warning disable CA1033 // explicit overrides are the point
    private sealed class PlainInherit : BuildBase, IInheritForms
    {
        public List<string> Ran { get; } = [];
        Target IInheritForms.Run => _ => _.Inherit<IInheritForms>(x => x.Run).Executes(() => Ran.Add("Run extended"));
    }

    private sealed class ParenthesizedInherit : BuildBase, IInheritForms
    {
        public List<string> Ran { get; } = [];
        Target IInheritForms.Run => _ => _.Inherit<IInheritForms>((x) => x.Run).Executes(() => Ran.Add("Run extended"));
    }

    private sealed class TypedInherit : BuildBase, IInheritForms
    {
        public List<string> Ran { get; } = [];
        Target IInheritForms.Run => _ => _.Inherit<IInheritForms>((IInheritForms component) => component.Run).Executes(() => Ran.Add("Run extended"));
    }

    private sealed class MisusedInherit : BuildBase, IInheritForms
    {
        public List<string> Ran { get; } = [];
        Target IInheritForms.Run => _ => _.Inherit<IInheritForms>(x => Pick(x)).Executes(() => Ran.Add("Run extended"));

        private static Target Pick(IInheritForms component) => component.Run;
    }
#pragma warning restore CA1033

    private sealed class NamedParameterBuild : BuildBase, INamedParameters
    {
        public (string? Plain, string? Qualified) Seen { get; private set; }

        public Target Show => _ => _.Executes(() => Seen = (((INamedParameters)this).Plain, ((INamedParameters)this).Qualified));
    }
}
