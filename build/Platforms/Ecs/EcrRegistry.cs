using Engine;
using Pipeline.Aws;
using Pipeline.Images;

namespace Pipeline.Platforms.Ecs;

/// <summary>
/// An ECR repository as a push destination: ensured (created with immutable tags and scan on push when missing), and
/// logged in with the token of GetAuthorizationToken, whose password is registered as a secret before any use; or,
/// for BuildImage's cache, found without being created.
/// </summary>
/// <param name="registryEndpoint">A registry (host:port) that stands in for ECR's own, for tests against moto.</param>
internal sealed class EcrRegistry(Func<AwsConnection> connect, string? registryEndpoint) : IImageRegistry
{
    public async Task<PushDestination> PrepareAsync(string repositoryName, CancellationToken cancellation)
    {
        using var client = new AwsJsonClient(connect(), Ecr.Service);
        var ecr = new Ecr(client);
        var (repository, created) = await ecr.EnsureRepository(repositoryName, cancellation);
        Log.Information(created ? $"created ECR repository {repository.Uri} (immutable tags, scan on push)" : $"ECR repository {repository.Uri} exists");
        if (!created && (repository.TagMutability != "IMMUTABLE" || !repository.ScanOnPush))
            Log.Warning($"ECR repository {repository.Name} has {repository.TagMutability.ToLowerInvariant()} tags and scan on push {(repository.ScanOnPush ? "on" : "off")}; the pipeline creates repositories with immutable tags and scan on push");

        return await LogIn(ecr, repository, cancellation);
    }

    /// <summary>The repository as a source for BuildImage's cache: only when it exists already, and never created.</summary>
    public async Task<PushDestination?> FindAsync(string repositoryName, CancellationToken cancellation)
    {
        try
        {
            using var client = new AwsJsonClient(connect(), Ecr.Service);
            var ecr = new Ecr(client);
            return await ecr.DescribeRepository(repositoryName, cancellation) is { } repository ? await LogIn(ecr, repository, cancellation) : null;
        }
        catch (AwsServiceException e)
        {
            // A cache check that cannot look is no failure of the build: the caller says so and builds.
            throw new InvalidOperationException(e.Message, e);
        }
    }

    private async Task<PushDestination> LogIn(Ecr ecr, EcrRepository repository, CancellationToken cancellation)
    {
        var authorization = await ecr.GetAuthorizationToken(cancellation);
        Secrets.Register(authorization.Password);
        return new PushDestination(registryEndpoint ?? repository.Registry, repository.Name, new RegistryCredentials(authorization.Username, authorization.Password));
    }
}
