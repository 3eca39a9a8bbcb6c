using Engine.Planning;
using Engine.Targets;

namespace Engine.Tests;

public class PlannerTests
{
    private static List<string> Order(RecordingBuild build, string[] invoked, IReadOnlyList<string>? skip = null) =>
        Planner.Plan(TargetGraph.FromBuild(build), invoked, skip).Targets.Select(t => t.Name).ToList();

    [Fact]
    public void Dependencies_run_first_in_declaration_order()
    {
        // Cleanup is triggered by Compile: not a predecessor of anything invoked, so it follows the invoked chain.
        Assert.Equal(["Restore", "Compile", "Test", "Cleanup"], Order(new ChainBuild(), ["Test"]));
    }

    [Fact]
    public void Ordering_edges_apply_only_when_both_targets_are_planned()
    {
        Assert.Equal(["Restore", "Compile", "Test", "Pack", "Cleanup"], Order(new ChainBuild(), ["Pack", "Test"]));
        Assert.DoesNotContain("Test", Order(new ChainBuild(), ["Pack"]));
    }

    [Fact]
    public void Triggered_targets_are_added_and_run_after_their_trigger()
    {
        var order = Order(new ChainBuild(), ["Publish"]);
        Assert.Contains("Announce", order);
        Assert.True(order.IndexOf("Announce") > order.IndexOf("Publish"));
        Assert.True(order.IndexOf("Cleanup") > order.IndexOf("Compile"));
    }

    [Fact]
    public void Names_are_case_insensitive_and_ignore_dashes()
    {
        Assert.Equal(Order(new ChainBuild(), ["Test"]), Order(new ChainBuild(), ["t-e-s-t"]));
    }

    [Fact]
    public void A_cycle_is_an_error_that_names_it()
    {
        var error = Assert.Throws<UsageException>(() => Order(new CycleBuild(), ["Second"]));
        Assert.Contains("Circular dependencies", error.Message, StringComparison.Ordinal);
        Assert.Contains("First → Second → Third → First", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_target_lists_the_nearest_names()
    {
        var error = Assert.Throws<UsageException>(() => Order(new ChainBuild(), ["Compiel"]));
        Assert.Contains("Unknown target 'Compiel'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Did you mean Compile", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Skip_without_names_skips_every_target_not_invoked()
    {
        var plan = Planner.Plan(TargetGraph.FromBuild(new ChainBuild()), ["Test"], []);
        Assert.Equal(["Cleanup", "Compile", "Restore"], plan.SkipReasons.Keys.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(plan.SkipReasons.Keys, t => t.Name == "Test");
    }

    [Fact]
    public void Skipping_a_target_also_skips_dependencies_only_it_needs()
    {
        var plan = Planner.Plan(TargetGraph.FromBuild(new ChainBuild()), ["Test"], ["Compile"]);
        var reasons = plan.SkipReasons.ToDictionary(p => p.Key.Name, p => p.Value);
        Assert.Equal("--skip", reasons["Compile"]);
        Assert.Equal("only needed by skipped Compile", reasons["Restore"]);
        Assert.False(reasons.ContainsKey("Test"));
    }

    [Fact]
    public void Independent_targets_share_a_wave()
    {
        var plan = Planner.Plan(TargetGraph.FromBuild(new ChainBuild()), ["Test", "Pack"]);
        var waves = plan.Waves().Select(w => w.Select(t => t.Name).ToList()).ToList();
        Assert.Equal([["Restore"], ["Compile"], ["Test", "Cleanup"], ["Pack"]], waves);
    }
}
