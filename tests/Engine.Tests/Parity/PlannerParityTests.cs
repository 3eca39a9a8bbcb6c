using Engine.Planning;
using Engine.Targets;

namespace Engine.Tests.Parity;

/// <summary>
/// The cases of NUKE's ExecutionPlannerTest on its fixture (A, B, C declared in that order, A the default target).
/// Documented difference: independent targets run in the order they were invoked (NUKE: reverse declaration order).
/// </summary>
public class PlannerParityTests
{
    [Fact]
    public void Without_a_target_the_plan_is_the_default_target_alone()
    {
        var build = new AbcBuild();
        using var run = new BuildRun();

        run.Run(build, b => ((AbcBuild)b).A);

        Assert.Equal(["A"], build.Ran);
    }

    [Fact]
    public void A_named_target_replaces_the_default_and_independent_targets_keep_the_invocation_order()
    {
        Assert.Equal(["B"], Plan(new AbcBuild(), "B"));
        Assert.Equal(["A", "B"], Plan(new AbcBuild(), "A", "B"));
        Assert.Equal(["B", "A"], Plan(new AbcBuild(), "B", "A"));
    }

    [Fact]
    public void Execution_dependencies_are_pulled_in_transitively_and_run_first()
    {
        var build = new AbcBuild();
        build.Setup["A"] = d => d.DependsOn(build.B);
        Assert.Equal(["B", "A"], Plan(build, "A"));

        build.Setup["B"] = d => d.DependsOn(build.C);
        Assert.Equal(["C", "B", "A"], Plan(build, "A"));
    }

    [Fact]
    public void Triggered_targets_are_added_after_their_trigger_transitively()
    {
        var build = new AbcBuild();
        build.Setup["A"] = d => d.Triggers(build.B);
        Assert.Equal(["A", "B"], Plan(build, "A"));

        build.Setup["B"] = d => d.Triggers(build.C);
        Assert.Equal(["A", "B", "C"], Plan(build, "A"));
    }

    [Fact]
    public void Ordering_edges_decide_the_order_whatever_the_invocation_order()
    {
        var build = new AbcBuild();
        build.Setup["B"] = d => d.After(build.A);
        build.Setup["C"] = d => d.After(build.A);
        Assert.Equal("A", Plan(build, "B", "A", "C")[0]);

        build.Add("C", d => d.After(build.B));
        Assert.Equal(["A", "B", "C"], Plan(build, "A", "C", "B"));
    }

    [Fact]
    public void Mixed_edges_combine()
    {
        var build = new AbcBuild();
        build.Setup["A"] = d => d.DependsOn(build.B);
        build.Setup["B"] = d => d.Triggers(build.C);
        build.Setup["C"] = d => d.After(build.A);

        Assert.Equal(["B", "A", "C"], Plan(build, "A"));
    }

    [Fact]
    public void A_reference_to_something_that_is_not_a_target_of_the_build_is_an_error_not_ignored()
    {
        // NUKE names dependencies by string and ignores unknown ones; ours are typed, so a stray one is a mistake.
        var build = new AbcBuild();
        Target external = _ => _;
        build.Setup["A"] = d => d.DependsOn(external);

        var error = Assert.Throws<UsageException>(() => TargetGraph.FromBuild(build));
        Assert.Contains("Target 'A' refers to a target that is not a property of AbcBuild", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_target_that_depends_on_itself_is_a_cycle()
    {
        var build = new AbcBuild();
        build.Setup["A"] = d => d.DependsOn(build.A);

        var error = Assert.Throws<UsageException>(() => Plan(build, "A"));
        Assert.Contains("A → A", error.Message, StringComparison.Ordinal);
    }

    private static List<string> Plan(AbcBuild build, params string[] invoked) =>
        Planner.Plan(TargetGraph.FromBuild(build), invoked).Targets.Select(t => t.Name).ToList();
}
