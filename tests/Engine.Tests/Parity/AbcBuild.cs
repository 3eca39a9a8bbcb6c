using System.Text.RegularExpressions;

namespace Engine.Tests.Parity;

/// <summary>
/// The fixture of NUKE's planner and executor tests: targets A, B and C declared in that order, each recording
/// that it ran; each test adds edges and conditions through <see cref="Setup"/>.
/// </summary>
internal sealed class AbcBuild : RecordingBuild
{
    public Dictionary<string, Func<ITargetDefinition, ITargetDefinition>> Setup { get; } = [];

    public Target A => _ => Define(_, nameof(A));
    public Target B => _ => Define(_, nameof(B));
    public Target C => _ => Define(_, nameof(C));

    /// <summary>NUKE's executor fixture: C depends on B, B on A.</summary>
    public static AbcBuild Chain()
    {
        var build = new AbcBuild();
        build.Setup["B"] = d => d.DependsOn(build.A);
        build.Setup["C"] = d => d.DependsOn(build.B);
        return build;
    }

    public void Add(string target, Func<ITargetDefinition, ITargetDefinition> more)
    {
        var previous = Setup.GetValueOrDefault(target, d => d);
        Setup[target] = d => more(previous(d));
    }

    private ITargetDefinition Define(ITargetDefinition definition, string name) =>
        Record(Setup.TryGetValue(name, out var setup) ? setup(definition) : definition, name);
}

/// <summary>Reads a target's row of the summary table a run printed.</summary>
internal static partial class SummaryRows
{
    public static (string Status, string Result) Row(string output, string target)
    {
        var match = Regex.Match(output, $@"(?m)^{target}\s{{2,}}(?<status>Succeeded|Failed|Skipped|NotRun|Aborted)\b[ \t]*(?:\d[\d.:]*(?: s)?)?[ \t]*(?<result>.*?)\s*$");
        Assert.True(match.Success, $"no summary row for {target} in:\n{output}");
        return (match.Groups["status"].Value, match.Groups["result"].Value);
    }

    public static string Status(string output, string target) => Row(output, target).Status;
}
