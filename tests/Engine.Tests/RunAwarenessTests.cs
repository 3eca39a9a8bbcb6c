using System.Globalization;
using Engine.Running;

namespace Engine.Tests;

/// <summary>
/// What a target may know of the run (NUKE's InvokedTargets, FailedTargets), a target that belongs to one profile,
/// and parameters of the build's own parsable types.
/// </summary>
public sealed class RunAwarenessTests
{
    [Fact]
    public void A_guard_target_runs_after_a_failure_or_when_invoked_and_is_skipped_otherwise()
    {
        using var run = new BuildRun();
        var build = new GuardedBuild();
        Assert.Equal(BuildHost.Success, run.Run(build, "Work"));
        Assert.Equal(["Work"], build.Ran);
        Assert.Contains("Skipped: Wanted is false.", run.Output, StringComparison.Ordinal);

        build = new GuardedBuild { FailWork = true };
        Assert.Equal(BuildHost.TargetFailed, run.Run(build, "Work"));
        Assert.Equal(["Work", "Guard saw Work failed"], build.Ran);

        build = new GuardedBuild();
        Assert.Equal(BuildHost.Success, run.Run(build, "Guard"));
        Assert.Equal(["Guard invoked"], build.Ran);
    }

    [Fact]
    public void A_target_for_one_profile_selects_it_and_refuses_another()
    {
        using var run = new BuildRun();
        run.WriteParameters("parameters.json", "{}");
        run.WriteParameters("parameters.local.json", """{ "Port": 8080 }""");
        run.WriteParameters("parameters.staging.json", "{}");

        var build = new ProfiledBuild();
        Assert.Equal(BuildHost.Success, run.Run(build, "LocalOnly"));
        Assert.Equal(("local", 8080), (build.Profile, build.Port));

        Assert.Equal(BuildHost.UsageError, run.Run(new ProfiledBuild(), "LocalOnly", "--environment", "staging"));
        Assert.Contains("LocalOnly runs on the local environment only; drop --profile staging", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_parsable_parameter_converts_through_its_own_parse_and_says_why_not()
    {
        using var run = new BuildRun();
        var build = new ProfiledBuild();
        Assert.Equal(BuildHost.Success, run.Run(build, "Show", "--range", "3-7"));
        Assert.Equal(new PortRange(3, 7), build.Range);

        Assert.Equal(BuildHost.UsageError, run.Run(new ProfiledBuild(), "Show", "--range", "7"));
        Assert.Contains("'7' is not a range such as 3-7", run.Output, StringComparison.Ordinal);
    }

    private sealed class GuardedBuild : BuildBase
    {
        public bool FailWork { get; init; }
        public List<string> Ran { get; } = [];

        public Target Work => _ => _.Executes(() =>
        {
            Ran.Add("Work");
            if (FailWork)
                throw new InvalidOperationException("work failed");
        });

        public Target Guard => _ => _
            .TriggeredBy(Work)
            .AssuredAfterFailure()
            .OnlyWhenDynamic(() => Wanted)
            .Executes(() => Ran.Add(((IBuild)this).InvokedTargets.Contains("Guard") ? "Guard invoked" : $"Guard saw {string.Join(",", ((IBuild)this).FailedTargets)} failed"));

        private bool Wanted => ((IBuild)this).IsFailing || ((IBuild)this).InvokedTargets.Contains("Guard");
    }

    private sealed class ProfiledBuild : BuildBase
    {
        [Parameter("a port")] public readonly int Port;
        [Parameter("a range")] public readonly PortRange? Range;

        public Target LocalOnly => _ => _.ForProfile("local").Executes(() => { });

        public Target Show => _ => _.Executes(() => { });
    }

    internal sealed record PortRange(int From, int To) : IParsable<PortRange>
    {
        public static PortRange Parse(string s, IFormatProvider? provider) =>
            TryParse(s, provider, out var range) ? range : throw new FormatException($"'{s}' is not a range such as 3-7");

        public static bool TryParse(string? s, IFormatProvider? provider, out PortRange result)
        {
            var parts = (s ?? "").Split('-');
            result = parts.Length == 2 ? new PortRange(int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture)) : null!;
            return parts.Length == 2;
        }
    }
}
