using Engine;
using Pipeline.Delivery.LiveView;
using Pipeline.Delivery.Notifications;
using Pipeline.Delivery.Smoke;
using Pipeline.Hosting;
using Pipeline.IO;
using Pipeline.Waiting;

namespace Pipeline.Delivery;

/// <summary>
/// What DeployBlueGreen, SmokeTest and Rollback share: the environment (--environment), the platform it runs on,
/// the deploy's settings as parameters (per environment in .nuke/parameters.&lt;env&gt;.json), and the notifier.
/// </summary>
public interface IHazDeployment : IHazHosting
{
    /// <summary>What a deploy parameter given nowhere stands for: the settings' own defaults, so they are written once.</summary>
    private static DeploymentSettings Defaults => DeploymentSettings.Default;


    [Parameter("Traffic steps in percent, increasing, ending at 100")]
    TrafficSteps TrafficSteps => TryGetValue(() => TrafficSteps) ?? Defaults.Steps;

    [Parameter("How long each traffic step is watched before the next")]
    TimeSpan BakeTime => TryGetValue<TimeSpan>(() => BakeTime) ?? Defaults.BakeTime;

    [Parameter("Between two measurements of the new color during a bake")]
    TimeSpan AnalysisInterval => TryGetValue<TimeSpan>(() => AnalysisInterval) ?? Defaults.Analysis.Interval;

    [Parameter("Highest acceptable share of 5xx answers from the new color, in percent")]
    double MaxErrorPercent => TryGetValue<double>(() => MaxErrorPercent) ?? Defaults.Analysis.MaxErrorRate * 100;

    [Parameter("Highest acceptable mean response time of the new color")]
    TimeSpan MaxResponseTime => TryGetValue<TimeSpan>(() => MaxResponseTime) ?? Defaults.Analysis.MaxResponseTime;

    [Parameter("Failed measurements tolerated before an abort")]
    int AnalysisFailureLimit => TryGetValue<int>(() => AnalysisFailureLimit) ?? Defaults.Analysis.FailureLimit;

    [Parameter("Measurements with too few requests to judge tolerated before an abort", DefaultText = "any number")]
    int? AnalysisInconclusiveLimit => TryGetValue<int>(() => AnalysisInconclusiveLimit) ?? Defaults.Analysis.InconclusiveLimit;

    [Parameter("Fewer requests than this make a measurement inconclusive")]
    int AnalysisMinRequests => TryGetValue<int>(() => AnalysisMinRequests) ?? Defaults.Analysis.MinRequests;

    [Parameter("Measurements in a row that could not be taken before an abort")]
    int AnalysisConsecutiveErrorLimit => TryGetValue<int>(() => AnalysisConsecutiveErrorLimit) ?? Defaults.Analysis.ConsecutiveErrorLimit;

    [Parameter("Deadline for the new color to run once started")]
    TimeSpan StageTimeout => TryGetValue<TimeSpan>(() => StageTimeout) ?? Defaults.StageTimeout;

    [Parameter("Deadline for the new color to be healthy once it runs")]
    TimeSpan HealthTimeout => TryGetValue<TimeSpan>(() => HealthTimeout) ?? Defaults.HealthTimeout;

    [Parameter("Between two looks at something awaited: the new color running, healthy")]
    TimeSpan DeployPollInterval => TryGetValue<TimeSpan>(() => DeployPollInterval) ?? Defaults.PollInterval;

    [Parameter("Longest wait between two looks while nothing changes, backing off with jitter from --deploy-poll-interval", DefaultText = "no backoff")]
    TimeSpan? DeployMaxPollInterval => TryGetValue<TimeSpan>(() => DeployMaxPollInterval) ?? Defaults.MaxPollInterval;

    [Parameter("How long a stopped color's open connections may take to finish")]
    TimeSpan DrainTime => TryGetValue<TimeSpan>(() => DrainTime) ?? Defaults.DrainTime;

    [Parameter("How long the old color keeps running after a deploy so Rollback is a flip; 0 stops it at once")]
    TimeSpan StandbyGrace => TryGetValue<TimeSpan>(() => StandbyGrace) ?? Defaults.StandbyGrace;

    [Parameter("How long a deploy holds the environment's lock before another may take it over")]
    TimeSpan DeployLockTimeout => TryGetValue<TimeSpan>(() => DeployLockTimeout) ?? Defaults.LockTimeout;

    [Parameter("Take over a deploy lock that has expired")]
    bool TakeOverLock => TryGetValue<bool>(() => TakeOverLock) ?? Defaults.TakeOverExpiredLock;

    [Parameter("Deploy even when the image is already live")]
    bool ForceDeploy => TryGetValue<bool>(() => ForceDeploy) ?? Defaults.Force;

    [Parameter("Slack-compatible webhook told of each deploy's and rollback's outcome")]
    [Secret]
    Uri? DeployWebhookUrl => TryGetValue(() => DeployWebhookUrl);

    DeploymentSettings DeploymentSettings => new()
    {
        Steps = TrafficSteps,
        BakeTime = BakeTime,
        StageTimeout = StageTimeout,
        HealthTimeout = HealthTimeout,
        PollInterval = DeployPollInterval,
        MaxPollInterval = DeployMaxPollInterval,
        DrainTime = DrainTime,
        StandbyGrace = StandbyGrace,
        LockTimeout = DeployLockTimeout,
        TakeOverExpiredLock = TakeOverLock,
        Force = ForceDeploy,
        Analysis = new AnalysisSettings
        {
            Interval = AnalysisInterval,
            MaxErrorRate = MaxErrorPercent / 100,
            MaxResponseTime = MaxResponseTime,
            MinRequests = AnalysisMinRequests,
            FailureLimit = AnalysisFailureLimit,
            InconclusiveLimit = AnalysisInconclusiveLimit,
            ConsecutiveErrorLimit = AnalysisConsecutiveErrorLimit,
        },
    };

    /// <summary>
    /// The smoke suite's checks, run before the new color gets users and by SmokeTest: the standard health and version
    /// checks; override to add checks of your own service (an <see cref="ISmokeCheck"/> each).
    /// </summary>
    IReadOnlyList<ISmokeCheck> SmokeChecks => SmokeSuite.StandardChecks;

    /// <summary>The platform of <see cref="IHazHosting.EnvironmentName"/>: override to deploy elsewhere.</summary>
    IDeploymentPlatform CreateDeploymentPlatform();

    /// <summary>This run's id, the same for every target of one build (the lock's and the record's run id).</summary>
    string DeployRunId => DeployRun.Id;

    /// <summary>The deploy's log, to the live table in an interactive terminal, else to today's lines; dispose it before the summary.</summary>
    DeploymentLog NewDeploymentLog() => new(SystemDeployClock.Instance, DeploymentViews.For(EnvironmentName, DeploymentSettings));

    /// <summary>Writes the record, reports and notifies, and fails the target unless the outcome is a success.</summary>
    async Task FinishAsync(DeploymentRecord record, CancellationToken cancellation)
    {
        AtomicFile.EnsureWritableDirectory(ArtifactsDirectory, RootDirectory);
        record.Write(ArtifactsDirectory);
        var summary = DeploymentSummary.Of(record);
        ReportSummary(summary);
        await NotifyAsync(record, summary, CancellationToken.None);
        cancellation.ThrowIfCancellationRequested();
        if (!record.Succeeded)
            throw new DeploymentFailedException(summary);
        Log.Information(summary);
    }

    /// <summary>Tells the webhook, when one is set, how a deploy or rollback ended; never fails the build.</summary>
    private async Task NotifyAsync(DeploymentRecord record, string summary, CancellationToken cancellation)
    {
        if (DeployWebhookUrl is not { } url)
            return;
        var kind = record.Outcome switch
        {
            DeploymentOutcome.Deployed or DeploymentOutcome.AlreadyLive => NoticeKind.Deployed,
            DeploymentOutcome.Aborted => NoticeKind.Aborted,
            DeploymentOutcome.RolledBack => NoticeKind.RolledBack,
            _ => NoticeKind.Failed,
        };
        using var notifier = new WebhookNotifier(url);
        await notifier.NotifyAsync(new DeploymentNotice(kind, EnvironmentName, summary), cancellation);
    }
}
