namespace Pipeline.Hosting;

/// <summary>
/// What hosts an environment, by name: this machine's Docker engine and router, or ECS behind a load balancer. A new
/// platform is a new value (`new HostingPlatform("kubernetes")`) named in a <see cref="HostingMap"/> and created by the
/// build that composes it; nothing else compares environment names to find out where they run.
/// </summary>
public sealed record HostingPlatform(string Name)
{
    public static readonly HostingPlatform Local = new("local");

    public static readonly HostingPlatform Ecs = new("ecs");

    public override string ToString() => Name;
}
