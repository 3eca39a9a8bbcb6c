using Engine;

/// <summary>
/// What DeployBlueGreen, SmokeTest and Rollback share: the environment (--environment), the platform it runs on,
/// the deploy's settings as parameters (per environment in .nuke/parameters.&lt;env&gt;.json), and the notifier.
/// </summary>
public interface IHazDeployment : IHazHosting
{
    /// <summary>The environment deployed to: --environment, or local without one.</summary>
    string DeployEnvironment => EnvironmentName;

    [Parameter("Traffic steps in percent, increasing, ending at 100 (default 10,50,100)")]
    TrafficSteps TrafficSteps => TryGetValue(() => TrafficSteps) ?? TrafficSteps.Default;

    [Parameter("How long each traffic step is watched before the next (default 30s)")]
    TimeSpan BakeTime => TryGetValue<TimeSpan>(() => BakeTime) ?? TimeSpan.FromSeconds(30);

    [Parameter("Between two measurements of the new color during a bake (default 5s)")]
    TimeSpan AnalysisInterval => TryGetValue<TimeSpan>(() => AnalysisInterval) ?? TimeSpan.FromSeconds(5);

    [Parameter("Highest acceptable share of 5xx answers from the new color, in percent (default 1)")]
    double MaxErrorPercent => TryGetValue<double>(() => MaxErrorPercent) ?? 1;

    [Parameter("Highest acceptable mean response time of the new color (default 500ms)")]
    TimeSpan MaxResponseTime => TryGetValue<TimeSpan>(() => MaxResponseTime) ?? TimeSpan.FromMilliseconds(500);

    [Parameter("Failed measurements tolerated before an abort (default 0)")]
    int AnalysisFailureLimit => TryGetValue<int>(() => AnalysisFailureLimit) ?? 0;

    [Parameter("Measurements with too few requests to judge tolerated before an abort (default: any number)")]
    int AnalysisInconclusiveLimit => TryGetValue<int>(() => AnalysisInconclusiveLimit) ?? int.MaxValue;

    [Parameter("Fewer requests than this make a measurement inconclusive (default 1)")]
    int AnalysisMinRequests => TryGetValue<int>(() => AnalysisMinRequests) ?? 1;

    [Parameter("Measurements in a row that could not be taken before an abort (default 4)")]
    int AnalysisConsecutiveErrorLimit => TryGetValue<int>(() => AnalysisConsecutiveErrorLimit) ?? 4;

    [Parameter("Deadline for the new color to run once started (default 2m)")]
    TimeSpan StageTimeout => TryGetValue<TimeSpan>(() => StageTimeout) ?? TimeSpan.FromMinutes(2);

    [Parameter("Deadline for the new color to be healthy once it runs (default 1m)")]
    TimeSpan HealthTimeout => TryGetValue<TimeSpan>(() => HealthTimeout) ?? TimeSpan.FromMinutes(1);

    [Parameter("Between two looks at something awaited: the new color running, healthy (default 1s)")]
    TimeSpan DeployPollInterval => TryGetValue<TimeSpan>(() => DeployPollInterval) ?? TimeSpan.FromSeconds(1);

    [Parameter("Longest wait between two looks while nothing changes, backing off with jitter from --deploy-poll-interval (default: no backoff)")]
    TimeSpan? DeployMaxPollInterval => TryGetValue<TimeSpan>(() => DeployMaxPollInterval);

    [Parameter("How long a stopped color's open connections may take to finish (default 5s)")]
    TimeSpan DrainTime => TryGetValue<TimeSpan>(() => DrainTime) ?? TimeSpan.FromSeconds(5);

    [Parameter("How long the old color keeps running after a deploy so Rollback is a flip; 0 stops it at once (default 30m)")]
    TimeSpan StandbyGrace => TryGetValue<TimeSpan>(() => StandbyGrace) ?? TimeSpan.FromMinutes(30);

    [Parameter("How long a deploy holds the environment's lock before another may take it over (default 30m)")]
    TimeSpan DeployLockTimeout => TryGetValue<TimeSpan>(() => DeployLockTimeout) ?? TimeSpan.FromMinutes(30);

    [Parameter("Take over a deploy lock that has expired")]
    bool TakeOverLock => TryGetValue<bool>(() => TakeOverLock) ?? false;

    [Parameter("Deploy even when the image is already live")]
    bool ForceDeploy => TryGetValue<bool>(() => ForceDeploy) ?? false;

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

    /// <summary>The platform of <see cref="DeployEnvironment"/>: override to deploy elsewhere.</summary>
    IDeploymentPlatform CreateDeploymentPlatform();

    /// <summary>This run's id, the same for every target of one build (the lock's and the record's run id).</summary>
    string DeployRunId => DeployRun.Id;

    DeploymentLog NewDeploymentLog() => new(SystemDeployClock.Instance, TimeSpan.FromSeconds(5));

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
        await notifier.NotifyAsync(new DeploymentNotice(kind, DeployEnvironment, summary), cancellation);
    }
}
