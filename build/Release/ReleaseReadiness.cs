using System.Runtime.CompilerServices;
using Engine;
using Pipeline.GitHub;

namespace Pipeline.Release;

/// <summary>
/// The release's inspection, made once per build while the engine checks requirements (before any target runs)
/// and read again by the Release target. A refusal is a <see cref="UsageException"/> at that point: one line each,
/// exit code 2, nothing changed. A dry run refuses nothing: it reports what a real run would refuse.
/// </summary>
internal static class ReleaseReadiness
{
    // Keyed by the build: the inspection talks to the remote and to GitHub, and must do so once per run.
    private static readonly ConditionalWeakTable<IRelease, ReleaseInspection> Inspections = [];

    public static ReleaseInspection Of(IRelease build) => Inspections.GetValue(build, b => Inspect(ReleaseSettings.Of(b)));

    /// <summary>True, or a <see cref="UsageException"/> naming every refusal.</summary>
    public static bool Confirm(IRelease build)
    {
        var inspection = Of(build);
        return build.DryRun || inspection.Refusals.Count == 0
            ? true
            : throw new UsageException(string.Join(Environment.NewLine + "error: ", inspection.Refusals));
    }

    private static ReleaseInspection Inspect(ReleaseSettings settings)
    {
        try
        {
            // Requirements are checked synchronously; nothing else runs yet, so waiting here blocks nobody.
            return ReleaseInspection.InspectAsync(settings, CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is ToolException or GitHubApiException or HttpRequestException)
        {
            return new ReleaseInspection(settings, null, [$"Release cannot start: {e.Message.Split('\n')[0].Trim()}"]);
        }
    }
}
