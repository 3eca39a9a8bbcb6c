namespace Pipeline.Hosting;

/// <summary>
/// Which platform hosts each environment, declared once and resolved here only. An environment the map does not
/// name (a test's own, say) is hosted on <see cref="Otherwise"/>; the profiles already refuse a mistyped name on the
/// command line. A build changes the map by overriding <see cref="IHazHosting.HostingMap"/>.
/// </summary>
public sealed class HostingMap
{
    private readonly Dictionary<string, HostedEnvironment> environments = new(StringComparer.Ordinal);

    public HostingMap(HostingPlatform otherwise) => Otherwise = otherwise;

    /// <summary>local on this machine; staging and production on ECS, production given only what staging verified.</summary>
    public static HostingMap Default { get; } = new HostingMap(HostingPlatform.Ecs)
        .With(new HostedEnvironment(EnvironmentNames.Local, HostingPlatform.Local))
        .With(new HostedEnvironment(EnvironmentNames.Staging, HostingPlatform.Ecs))
        .With(new HostedEnvironment(EnvironmentNames.Production, HostingPlatform.Ecs) { PromotedFrom = EnvironmentNames.Staging, RestoreNeedsConfirmation = true });

    public HostingPlatform Otherwise { get; }

    public IReadOnlyCollection<HostedEnvironment> Declared => environments.Values;

    /// <summary>A copy of this map with <paramref name="environment"/> declared (replacing one of the same name).</summary>
    public HostingMap With(HostedEnvironment environment)
    {
        var map = new HostingMap(Otherwise);
        foreach (var (name, declared) in environments)
            map.environments[name] = declared;
        map.environments[environment.Name] = environment;
        return map;
    }

    public HostedEnvironment this[string environment] =>
        environments.TryGetValue(environment, out var declared) ? declared : new HostedEnvironment(environment, Otherwise);

    /// <summary>
    /// Throws, as one line, when <paramref name="environment"/> is not hosted on <paramref name="platform"/>:
    /// "the staging environment is hosted on ecs, not local: the local platform serves local only".
    /// </summary>
    public void Require(string environment, HostingPlatform platform, string component)
    {
        var hosted = this[environment];
        if (hosted.IsHostedOn(platform))
            return;
        var served = environments.Values.Where(e => e.IsHostedOn(platform)).Select(e => e.Name).ToList();
        var only = served.Count == 0 ? "no environment of this build's hosting map" : string.Join(", ", served) + " only";
        throw new InvalidOperationException($"the {environment} environment is hosted on {hosted.Platform}, not {platform}: {component} serves {only}");
    }
}
