namespace Pipeline.Images;

/// <summary>A registry that takes pushes without a login: the local environment's docker-registry on this machine.</summary>
internal sealed class AnonymousRegistry(string host) : IImageRegistry
{
    public Task<PushDestination> PrepareAsync(string repository, CancellationToken cancellation) =>
        Task.FromResult(new PushDestination(host, repository, Login: null));

    public Task<PushDestination?> FindAsync(string repository, CancellationToken cancellation) =>
        Task.FromResult<PushDestination?>(new PushDestination(host, repository, Login: null));
}
