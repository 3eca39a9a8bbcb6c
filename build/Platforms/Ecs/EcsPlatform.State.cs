using Pipeline.Delivery;

namespace Pipeline.Platforms.Ecs;

/// <summary>State and lock: tags on the production listener (see <see cref="ListenerTags"/>); the services carry their role.</summary>
public sealed partial class EcsPlatform
{
    public async Task<EnvironmentState> ReadStateAsync(CancellationToken cancellation) =>
        ListenerTags.ToState(await elb.DescribeTags((await ResourcesAsync(cancellation)).Production.Arn, cancellation));

    public async Task WriteStateAsync(EnvironmentState state, CancellationToken cancellation)
    {
        var found = await ResourcesAsync(cancellation);
        await elb.AddTags(found.Production.Arn, ListenerTags.FromState(state), cancellation);

        // For whoever looks at the console: which service serves, which stands by for a rollback.
        foreach (var service in await BothServicesAsync(cancellation))
        {
            var color = service.Name == Names.Service(Color.Blue) ? Color.Blue : Color.Green;
            var role = state.Live?.Color == color ? "live" : state.Previous?.Color == color && state.StandbyUntil is not null ? "standby" : "idle";
            await ecs.TagResource(service.Arn, new Dictionary<string, string> { [$"{ListenerTags.Prefix}role"] = role }, cancellation);
        }
    }

    public async Task<DeployLock?> TryAcquireLockAsync(DeployLock wanted, DeployLock? replacing, CancellationToken cancellation)
    {
        var listener = (await ResourcesAsync(cancellation)).Production.Arn;
        var holder = ListenerTags.ToLock(await elb.DescribeTags(listener, cancellation));
        if (holder is not null && (replacing is null || !SameHolder(holder, replacing)))
            return holder;
        await elb.AddTags(listener, ListenerTags.FromLock(wanted), cancellation);

        // Tags have no compare-and-set: read back, so that of two deploys racing here the one whose tags landed last
        // holds the lock and the other sees it as the holder.
        var after = ListenerTags.ToLock(await elb.DescribeTags(listener, cancellation));
        return after is not null && SameHolder(after, wanted) ? null : after;
    }

    public async Task ReleaseLockAsync(DeployLock held, CancellationToken cancellation)
    {
        var listener = (await ResourcesAsync(cancellation)).Production.Arn;
        if (ListenerTags.ToLock(await elb.DescribeTags(listener, cancellation)) is { } holder && SameHolder(holder, held))
            await elb.AddTags(listener, ListenerTags.FromLock(null), cancellation);
    }

    /// <summary>The tags keep cleaned text and whole seconds, so a holder is known by its run, host and process.</summary>
    private static bool SameHolder(DeployLock a, DeployLock b) =>
        ListenerTags.Clean(a.RunId) == ListenerTags.Clean(b.RunId) && ListenerTags.Clean(a.Host) == ListenerTags.Clean(b.Host) && a.ProcessId == b.ProcessId;
}
