namespace Pipeline.Images;

/// <summary>
/// The registry role: where PushEcr pushes an image's tags and where BuildImage looks for one built before (a host,
/// the repository, created where the registry needs that, and the login). ECR is build/Platforms/Ecs's; a registry that
/// takes pushes without a login (the local one) is <see cref="AnonymousRegistry"/>.
/// </summary>
public interface IImageRegistry
{
    /// <summary>Where to push, the repository ensured.</summary>
    Task<PushDestination> PrepareAsync(string repository, CancellationToken cancellation);

    /// <summary>Where the repository is when it exists, else null: a cache check looks and creates nothing.</summary>
    Task<PushDestination?> FindAsync(string repository, CancellationToken cancellation);
}
