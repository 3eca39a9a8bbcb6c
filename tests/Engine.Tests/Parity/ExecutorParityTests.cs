using Engine.Running;
using static Engine.Tests.Parity.SummaryRows;

namespace Engine.Tests.Parity;

/// <summary>
/// The cases of NUKE's BuildExecutorTest, on NUKE's fixture (C depends on B, B on A), against this engine. Where
/// README documents a difference (a bare --skip with the default target), the test says so.
/// </summary>
public class ExecutorParityTests
{
    private static bool conditionSwitch;

    [Fact]
    public void Without_skips_or_conditions_every_target_succeeds()
    {
        var (code, output, build) = Run(AbcBuild.Chain(), "C");

        Assert.Equal(BuildHost.Success, code);
        Assert.Equal(["A", "B", "C"], build.Ran);
        Assert.All(["A", "B", "C"], t => Assert.Equal("Succeeded", Status(output, t)));
    }

    [Fact]
    public void A_skipped_dependency_does_not_skip_its_dependents()
    {
        var (_, output, build) = Run(AbcBuild.Chain(), "C", "--skip", "A");

        Assert.Equal(["B", "C"], build.Ran);
        Assert.Equal(("Skipped", "--skip"), Row(output, "A"));
    }

    [Fact]
    public void Several_targets_can_be_skipped_by_name()
    {
        var (_, output, build) = Run(AbcBuild.Chain(), "C", "--skip", "A", "B");

        Assert.Equal(["C"], build.Ran);
        Assert.Equal("Skipped", Status(output, "A"));
        Assert.Equal("Skipped", Status(output, "B"));
    }

    [Fact]
    public void A_bare_skip_runs_only_the_invoked_target()
    {
        var (_, output, build) = Run(AbcBuild.Chain(), "C", "--skip");

        Assert.Equal(["C"], build.Ran);
        Assert.Equal("Skipped", Status(output, "A"));
        Assert.Equal("Skipped", Status(output, "B"));
    }

    [Fact]
    public void A_bare_skip_without_a_target_runs_the_default_target_alone_a_documented_difference()
    {
        // NUKE marks no target invoked here and so skips all of them; running nothing is never what was meant.
        var build = AbcBuild.Chain();
        using var run = new BuildRun();

        Assert.Equal(BuildHost.Success, run.Run(build, b => ((AbcBuild)b).C, "--skip"));
        Assert.Equal(["C"], build.Ran);
    }

    [Fact]
    public void Skipping_a_target_skips_the_dependencies_only_it_needs()
    {
        var build = AbcBuild.Chain();
        build.Add("B", d => d.WhenSkipped(DependencyBehavior.Skip));

        var (_, output, _) = Run(build, "C", "--skip", "B");

        Assert.Equal(("Skipped", "only needed by skipped B"), Row(output, "A"));
        Assert.Equal("Succeeded", Status(output, "C"));
    }

    [Fact]
    public void WhenSkipped_Execute_keeps_the_dependencies_of_a_skipped_target()
    {
        var build = AbcBuild.Chain();
        build.Add("B", d => d.WhenSkipped(DependencyBehavior.Execute));

        var (_, _, ran) = Run(build, "C", "--skip", "B");

        Assert.Equal(["A", "C"], ran.Ran);
    }

    [Fact]
    public void A_true_static_condition_changes_nothing()
    {
        var build = AbcBuild.Chain();
        build.Add("B", d => d.OnlyWhenStatic(() => true));

        Assert.Equal(["A", "B", "C"], Run(build, "C").Build.Ran);
    }

    [Fact]
    public void A_false_static_condition_with_Execute_skips_only_its_target_named_by_the_condition()
    {
        var build = AbcBuild.Chain();
        build.Add("B", d => d.OnlyWhenStatic(() => false).WhenSkipped(DependencyBehavior.Execute));

        var (_, output, ran) = Run(build, "C");

        Assert.Equal(["A", "C"], ran.Ran);
        Assert.Equal(("Skipped", "false"), Row(output, "B"));
    }

    [Fact]
    public void A_false_static_condition_skips_its_target_and_the_dependencies_only_it_needs_but_not_its_dependents()
    {
        var build = AbcBuild.Chain();
        build.Add("B", d => d.OnlyWhenStatic(() => false));

        var (_, output, ran) = Run(build, "C");

        Assert.Equal(["C"], ran.Ran);
        Assert.Equal(("Skipped", "false"), Row(output, "B"));
        Assert.Equal(("Skipped", "only needed by skipped B"), Row(output, "A"));
    }

    [Fact]
    public void A_false_static_condition_skips_even_an_invoked_target_and_what_only_it_needs()
    {
        var build = AbcBuild.Chain();
        build.Add("C", d => d.OnlyWhenStatic(() => false));

        var (code, output, ran) = Run(build, "C");

        Assert.Equal(BuildHost.Success, code);
        Assert.Empty(ran.Ran);
        Assert.All(["A", "B", "C"], t => Assert.Equal("Skipped", Status(output, t)));
    }

    [Fact]
    public void Every_false_static_condition_is_named_in_the_skip_reason()
    {
        var build = AbcBuild.Chain();
        var first = false;
        var second = false;
        build.Add("A", d => d.OnlyWhenStatic(() => first).OnlyWhenStatic(() => true).OnlyWhenStatic(() => second));

        var (_, output, _) = Run(build, "A");

        Assert.Equal(("Skipped", "first && second"), Row(output, "A"));
    }

    [Fact]
    public void A_throwing_static_condition_fails_its_target_by_name_before_anything_runs()
    {
        var build = AbcBuild.Chain();
        build.Add("B", d => d.OnlyWhenStatic(() => throw new InvalidOperationException("no config")));

        var (code, output, ran) = Run(build, "C");

        Assert.Equal(BuildHost.TargetFailed, code);
        Assert.Empty(ran.Ran);
        Assert.Equal("Failed", Status(output, "B"));
        Assert.Contains("B failed: its condition throw new InvalidOperationException(\"no config\") threw InvalidOperationException: no config", output, StringComparison.Ordinal);
        Assert.Equal("NotRun", Status(output, "C"));
    }

    [Fact]
    public void A_throwing_condition_of_a_target_that_is_not_planned_is_never_evaluated()
    {
        var build = AbcBuild.Chain();
        build.Add("C", d => d.OnlyWhenStatic(() => throw new InvalidOperationException("never")));

        Assert.Equal(BuildHost.Success, Run(build, "B").Code);
    }

    [Fact]
    public void A_false_dynamic_condition_skips_its_target_but_not_its_dependencies_or_dependents()
    {
        var build = AbcBuild.Chain();
        build.Add("B", d => d.OnlyWhenDynamic(() => false));

        var (_, output, ran) = Run(build, "C");

        Assert.Equal(["A", "C"], ran.Ran);
        Assert.Equal("Skipped", Status(output, "B"));
    }

    [Fact]
    public void A_dynamic_condition_is_evaluated_after_the_targets_before_it_ran()
    {
        var build = AbcBuild.Chain();
        var ready = false;
        build.Add("A", d => d.Executes(() => ready = true));
        build.Add("B", d => d.OnlyWhenDynamic(() => ready));

        Assert.Equal(["A", "B", "C"], Run(build, "C").Build.Ran);
    }

    [Fact]
    public void A_throwing_dynamic_condition_fails_its_target()
    {
        var build = AbcBuild.Chain();
        build.Add("B", d => d.OnlyWhenDynamic(() => throw new InvalidOperationException("unreadable")));

        var (code, output, ran) = Run(build, "C");

        Assert.Equal(BuildHost.TargetFailed, code);
        Assert.Equal(["A"], ran.Ran);
        Assert.Equal("Failed", Status(output, "B"));
        Assert.Equal("NotRun", Status(output, "C"));
    }

    [Fact]
    public void A_target_skipped_by_a_static_condition_never_evaluates_its_dynamic_conditions()
    {
        var build = AbcBuild.Chain();
        build.Add("A", d => d.OnlyWhenStatic(() => false).OnlyWhenDynamic(() => throw new InvalidOperationException("evaluated")));

        var (code, output, _) = Run(build, "A");

        Assert.Equal(BuildHost.Success, code);
        Assert.Equal("Skipped", Status(output, "A"));
    }

    [Fact]
    public void A_dynamic_skip_cascades_along_triggers()
    {
        var build = new AbcBuild();
        build.Setup["A"] = d => d.OnlyWhenDynamic(() => conditionSwitch).Triggers(build.B);
        build.Setup["B"] = d => d.Triggers(build.C);

        var (_, output, ran) = Run(build, "A");

        Assert.Empty(ran.Ran);
        Assert.Equal("Skipped", Status(output, "A"));
        Assert.Equal(("Skipped", "only needed by skipped A"), Row(output, "B"));
        Assert.Equal(("Skipped", "only needed by skipped B"), Row(output, "C"));
    }

    [Fact]
    public void A_triggered_target_that_another_running_target_needs_still_runs_after_a_dynamic_skip()
    {
        var build = new AbcBuild();
        build.Setup["A"] = d => d.OnlyWhenDynamic(() => conditionSwitch).Triggers(build.B);
        build.Setup["C"] = d => d.DependsOn(build.B);

        Assert.Equal(["B", "C"], Run(build, "A", "C").Build.Ran);
    }

    [Fact]
    public void A_dynamic_skip_with_Execute_keeps_what_it_triggers()
    {
        var build = new AbcBuild();
        build.Setup["A"] = d => d.OnlyWhenDynamic(() => conditionSwitch).Triggers(build.B).WhenSkipped(DependencyBehavior.Execute);

        Assert.Equal(["B"], Run(build, "A").Build.Ran);
    }

    private static (int Code, string Output, AbcBuild Build) Run(AbcBuild build, params string[] args)
    {
        using var run = new BuildRun();
        var code = run.Run(build, args);
        return (code, run.Output, build);
    }
}
