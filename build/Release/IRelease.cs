using Engine;
using Pipeline.Versioning;

namespace Pipeline.Release;

/// <summary>
/// The Release component: `./build.sh Release` cuts a release from the release branch. The next version from
/// Conventional Commits, its section prepended to CHANGELOG.md and committed, an annotated tag, both pushed at once,
/// a GitHub release with the same notes and the build's assets. A run that stopped half-way is finished by the next.
/// The GitHub parameters read the variables GitHub Actions sets (GITHUB_TOKEN, GITHUB_REPOSITORY, GITHUB_API_URL …).
/// </summary>
public interface IRelease : IHazVersion
{
    [Parameter("Branch releases are cut from")]
    string ReleaseBranch => TryGetValue(() => ReleaseBranch) ?? "main";

    [Parameter("Git remote the release commit and tag are pushed to")]
    string ReleaseRemote => TryGetValue(() => ReleaseRemote) ?? "origin";

    [Parameter("GitHub repository as owner/name", DefaultText = "read from the remote's URL")]
    string? GithubRepository => TryGetValue(() => GithubRepository);

    [Parameter("GitHub REST API base URL: https://HOST/api/v3 on GitHub Enterprise")]
    Uri GithubApiUrl => TryGetValue(() => GithubApiUrl) ?? new Uri("https://api.github.com/");

    [Parameter("GitHub web address the notes link commits to")]
    Uri GithubServerUrl => TryGetValue(() => GithubServerUrl) ?? new Uri("https://github.com/");

    [Parameter("GitHub token that may write the repository's contents")]
    [Secret]
    string? GithubToken => TryGetValue(() => GithubToken);

    [Parameter("Files the GitHub release carries when they exist: path or path#label, relative to the root")]
    string[] ReleaseAssets => TryGetValue(() => ReleaseAssets) ?? ["artifacts/sbom.cdx.json#SBOM", "artifacts/image.json#Image", "artifacts/migration.json#Migrations"];

    [Parameter("Print the version, the notes and every step a release would take, and change nothing")]
    bool DryRun => TryGetValue<bool>(() => DryRun) ?? false;

    /// <summary>The version NextVersion prints, for later targets and CI jobs (artifacts/outputs/version.txt locally).</summary>
    static readonly TargetOutput VersionOutput = new("version");

    Target NextVersion => _ => _
        .Description("Print the version the next release gets: the calculation Release uses, without its checks")
        .Outputs(VersionOutput)
        .Executes(async cancellation =>
        {
            var plan = await CalculateVersionAsync(cancellation);
            var since = plan.Previous is null ? "no release yet" : $"{plan.Commits.Count} commit(s) since {plan.Previous.Name}";
            if (plan.Next is null)
            {
                Log.Information($"Nothing to release ({since}).");
                ReportSummary($"nothing to release ({since})");
                return;
            }

            Log.Information($"{plan.Next} ({since})");
            TargetOutputs.Set(this, VersionOutput, plan.Next.ToString());
            ReportSummary(plan.Next.ToString());
        });

    Target Release => _ => _
        .Description("Cut a release: version from Conventional Commits, CHANGELOG.md, tag, GitHub release with assets; finishes an unfinished one")
        .Requires(() => ReleaseReadiness.Confirm(this))
        .Executes(async cancellation =>
        {
            var inspection = ReleaseReadiness.Of(this);
            if (DryRun)
            {
                foreach (var refusal in inspection.Refusals)
                    Log.Warning($"A real run would refuse: {refusal}");
            }

            if (inspection.Plan is not { } plan)
            {
                ReportSummary("nothing to release");
                return;
            }

            var steps = new ReleaseSteps(inspection.Settings, plan);
            var remaining = steps.Remaining();
            ReleaseReport.Print(plan, remaining, steps.Absent, DryRun);
            if (DryRun)
            {
                ReportSummary($"dry run: {plan.Tag}, {remaining.Count} step(s)");
                return;
            }

            foreach (var step in remaining)
            {
                Log.Information($"▶ {step.Description}");
                await step.Run(cancellation);
            }

            ReleaseReport.WriteState(ArtifactsDirectory, plan, steps.Release);
            ReportSummary($"released {plan.Tag}" + (steps.Release is { } release ? $": {release.HtmlUrl}" : ""));
        });
}
