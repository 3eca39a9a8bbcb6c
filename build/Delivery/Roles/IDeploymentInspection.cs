namespace Pipeline.Delivery.Roles;

/// <summary>
/// The read-only look a deploy's plan takes. The other roles may repair as they read (the local state set aside, the
/// router started from the state), so a plan reads only through this one: nothing is started, written or locked.
/// </summary>
public interface IDeploymentInspection
{
    /// <summary>Why a deploy could not start here (never provisioned, engine not answering), or null when it could.</summary>
    Task<string?> NotReadyAsync(CancellationToken cancellation);

    /// <summary>The state as stored, with nothing set aside or repaired.</summary>
    Task<EnvironmentState> PeekStateAsync(CancellationToken cancellation);

    /// <summary>The lock's holder, or null: read, never taken.</summary>
    Task<DeployLock?> PeekLockAsync(CancellationToken cancellation);

    /// <summary>What runs on the color now (ECS: its service's task definition; local: its container), or null for nothing.</summary>
    Task<ColorDefinition?> DefinitionAsync(Color color, CancellationToken cancellation);

    /// <summary>What a stage of <paramref name="image"/> on the color would run, worked out without registering or starting it.</summary>
    Task<ColorDefinition> StagedDefinitionAsync(Color color, string image, string? version, string? commit, CancellationToken cancellation);
}

/// <summary>
/// A color's runtime definition, the fields a plan compares: the image, the names of its environment variables (never
/// their values: some are secrets), cpu and memory (null: no limit set), the ports it listens on, and since when it runs.
/// </summary>
public sealed record ColorDefinition(string Image, IReadOnlyList<string> EnvironmentNames, string? Cpu, string? Memory, IReadOnlyList<int> Ports, DateTimeOffset? Since = null);
