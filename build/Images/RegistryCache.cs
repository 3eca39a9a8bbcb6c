using Engine;
using Pipeline.Tools;

namespace Pipeline.Images;

/// <summary>
/// The registry PushEcr pushes to, as BuildImage's second cache: an image pushed earlier under the same content tag
/// (by CI, by a colleague) is pulled instead of built. A registry that cannot be asked is no error: the image is built.
/// </summary>
internal static class RegistryCache
{
    /// <summary>The pulled reference (registry/repository:content-…), or null when the registry does not have it.</summary>
    public static async Task<string?> TryPull(PushDestination source, string contentTag, AbsolutePath workDirectory, CancellationToken cancellation)
    {
        using var registry = new RegistryClient(source.Registry, source.Login);
        try
        {
            if (await registry.FindManifest(source.Repository, contentTag, cancellation) is null)
                return null;
        }
        catch (InvalidOperationException e)
        {
            Log.Information($"registry cache not checked: {e.Message}");
            return null;
        }

        var remote = $"{source.RemoteRepository}:{contentTag}";
        var configDirectory = (workDirectory / $"docker-config-{Guid.NewGuid():N}").CreateDirectory();
        try
        {
            if (source.Login is { } login)
                await DockerCli.Login(source.Registry, login.Username, login.Password, configDirectory, cancellation);
            await DockerCli.Pull(remote, configDirectory, cancellation);
            return remote;
        }
        finally
        {
            Directory.Delete(configDirectory, recursive: true);
        }
    }
}
