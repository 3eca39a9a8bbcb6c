using System.Text.Json;
using Engine;
using Pipeline.GitHub;
using Pipeline.Versioning;

namespace Pipeline.Release;

/// <summary>What a release tells people (the version, why, the notes, the steps) and leaves for later jobs (artifacts/release.json).</summary>
internal static class ReleaseReport
{
    public static void Print(ReleasePlan plan, IReadOnlyList<ReleaseStep> steps, IEnumerable<ReleaseAsset> absent, bool dryRun)
    {
        var history = plan.History;
        var why = plan.Resumes ? $"finishing {plan.Tag}, which an earlier run started"
            : history.Previous is null ? $"the first release, {history.Commits.Count} commit(s)"
            : $"{history.Commits.Count} commit(s) since {history.Previous.Name}, the strongest {Describe(history.Strongest)}";
        Log.Information($"Release {plan.Tag}: {why}");
        Log.Information("");
        Log.Information(plan.Notes.Section.TrimEnd());
        Log.Information("");
        Log.Information(steps.Count == 0 ? "Nothing left to do." : dryRun ? "A release would:" : "Steps:");
        for (var i = 0; i < steps.Count; i++)
            Log.Information($"  {i + 1}. {steps[i].Description}");
        foreach (var asset in absent)
            Log.Information($"  (no {asset.Path}: not attached)");
        if (dryRun)
            Log.Information("Dry run: nothing was changed.");
    }

    /// <summary>artifacts/release.json: the version released and where, for the jobs and targets after this one.</summary>
    public static void WriteState(AbsolutePath artifacts, ReleasePlan plan, GitHubRelease? release)
    {
        var state = new { version = plan.Version.ToString(), tag = plan.Tag, url = release?.HtmlUrl };
        File.WriteAllText(artifacts.CreateDirectory() / "release.json", JsonSerializer.Serialize(state) + "\n");
    }

    private static string Describe(ChangeKind kind) => kind switch
    {
        ChangeKind.Breaking => "a breaking change",
        ChangeKind.Feature => "a feature",
        ChangeKind.Fix => "a fix",
        ChangeKind.Performance => "a performance fix",
        _ => "none (version given)",
    };
}
