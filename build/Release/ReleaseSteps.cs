using Engine;
using Pipeline.GitHub;
using Pipeline.Tools;

namespace Pipeline.Release;

/// <summary>One thing a release does, described for a dry run and done by a real one.</summary>
internal sealed record ReleaseStep(string Description, Func<CancellationToken, Task> Run);

/// <summary>
/// The steps still to do for a plan, in order: commit the changelog, tag, push both at once, create the GitHub
/// release, upload the assets it lacks. Each step's effect is what the next run's inspection looks for, so a run
/// stopped anywhere is finished by running Release again.
/// </summary>
internal sealed class ReleaseSteps(ReleaseSettings settings, ReleasePlan plan)
{
    // Used when git has no identity configured, as on a CI runner.
    private static readonly string[] BotIdentity = ["-c", "user.name=github-actions[bot]", "-c", "user.email=41898282+github-actions[bot]@users.noreply.github.com"];
    private readonly Git git = new(settings.Root);
    private GitHubRelease? release = plan.ExistingRelease;

    /// <summary>The GitHub release once it exists.</summary>
    public GitHubRelease? Release => release;

    public IReadOnlyList<ReleaseStep> Remaining()
    {
        var steps = new List<ReleaseStep>();
        var repository = plan.Repository?.ToString() ?? "(repository unknown: pass --github-repository)";
        if (plan.CommitsChangelog)
            steps.Add(new($"Prepend the {plan.Version} section to {Changelog.FileName} and commit it as \"{ReleaseCommit.Subject(plan.Tag)}\"", CommitChangelogAsync));
        if (plan.CreatesTag)
            steps.Add(new($"Create the annotated tag {plan.Tag} on that commit, the notes as its message", TagAsync));
        if (plan.Pushes)
            steps.Add(new($"Push {settings.Branch} and {plan.Tag} to {settings.Remote}, both or neither", PushAsync));
        if (release is null)
        {
            var notChecked = plan.History.IsResuming && !plan.GitHubChecked ? " (unless it exists: not checked without a token)" : "";
            steps.Add(new($"Create the GitHub release {plan.Tag} in {repository} with the notes{notChecked}", CreateReleaseAsync));
        }

        foreach (var asset in ReleaseAsset.Pending(settings.Assets, settings.Root, release))
            steps.Add(new($"Upload {asset} to the release", c => UploadAsync(asset, c)));
        return steps;
    }

    /// <summary>Assets named in the settings whose files do not exist: reported, not an error.</summary>
    public IEnumerable<ReleaseAsset> Absent => settings.Assets.Where(a => !File.Exists(Path.Combine(settings.Root, a.Path)));

    private async Task CommitChangelogAsync(CancellationToken cancellation)
    {
        var path = Path.Combine(settings.Root, Changelog.FileName);
        var existing = File.Exists(path) ? await File.ReadAllTextAsync(path, cancellation) : null;
        await File.WriteAllTextAsync(path, Changelog.Prepend(existing, plan.Notes), cancellation);
        await git.CommitAsync(Changelog.FileName, ReleaseCommit.Subject(plan.Tag), await IdentityAsync(cancellation), cancellation);
    }

    private async Task TagAsync(CancellationToken cancellation) =>
        await git.TagAsync(plan.Tag, $"{plan.Tag}\n\n{plan.Notes.Body}\n", await IdentityAsync(cancellation), cancellation);

    private Task PushAsync(CancellationToken cancellation) =>
        git.PushAtomicAsync(settings.Remote, [$"HEAD:refs/heads/{settings.Branch}", $"refs/tags/{plan.Tag}"], cancellation);

    private async Task CreateReleaseAsync(CancellationToken cancellation)
    {
        using var client = Client();
        release = await client.CreateReleaseAsync(plan.Repository!, new NewRelease(plan.Tag, plan.Tag, plan.Notes.Body, plan.Version.IsPrerelease), cancellation);
        Log.Information($"Created the release {plan.Tag}: {release.HtmlUrl}");
    }

    private async Task UploadAsync(ReleaseAsset asset, CancellationToken cancellation)
    {
        using var client = Client();
        var content = await File.ReadAllBytesAsync(Path.Combine(settings.Root, asset.Path), cancellation);
        var uploaded = await AssetUpload.UploadAsync(client, plan.Repository!, release!, asset, content, cancellation);
        Log.Information($"Uploaded {uploaded.Name} ({content.Length} bytes)");
    }

    private GitHubClient Client() => new(settings.ApiUrl, settings.Token!);

    private async Task<IReadOnlyList<string>> IdentityAsync(CancellationToken cancellation) =>
        await git.ConfigAsync("user.email", cancellation) is null ? BotIdentity : [];
}
