using Engine;
using Pipeline.Tools;
using Pipeline.Versioning;

namespace Pipeline.Images;

/// <summary>Where an image goes: a registry host, the repository in it, and the login it needs (none for a local registry).</summary>
public sealed record PushDestination(string Registry, string Repository, RegistryCredentials? Login)
{
    public string RemoteRepository => $"{Registry}/{Repository}";
}

/// <summary>
/// Pushes an image's tags and reads back the digest the registry stored. Every tag is checked before anything is
/// pushed: a tag that already points to another image is refused (tags are immutable), and the registry is left as it
/// was. The Docker login lives in a client configuration folder that is deleted after the push.
/// </summary>
internal sealed class ImagePusher(AbsolutePath workDirectory)
{
    public async Task<ImageRecord> PushAsync(ImageRecord image, PushDestination destination, CancellationToken cancellation)
    {
        if (await DockerCli.ImageId(image.LocalReference(image.ContentTag), cancellation) != image.ImageId)
            throw new InvalidOperationException($"The engine has no image {image.ImageId[..19]} as {image.LocalReference(image.ContentTag)}: run BuildImage on this machine first.");

        using var registry = new RegistryClient(destination.Registry, destination.Login);
        var missing = new List<string>();
        foreach (var tag in image.Tags)
        {
            var existing = await registry.FindManifest(destination.Repository, tag, cancellation);
            if (existing is null)
                missing.Add(tag);
            else if (existing.ConfigDigest != image.ImageId && IsDevelopmentTag(tag))
            {
                Log.Information($"{destination.RemoteRepository}:{tag} moves from {existing.Digest[..19]}… to this image (a development version's tag moves; a release's never does)");
                missing.Add(tag);
            }
            else if (existing.ConfigDigest != image.ImageId)
                throw new InvalidOperationException($"{destination.RemoteRepository}:{tag} already points to another image ({existing.Digest}); tags are immutable: build a new version instead of moving the tag.");
            else
                Log.Information($"{destination.RemoteRepository}:{tag} already holds this image");
        }

        var pushed = missing.Count > 0 ? await PushTags(image, destination, missing, cancellation) : null;
        var stored = await registry.FindManifest(destination.Repository, image.ContentTag, cancellation)
            ?? throw new InvalidOperationException($"{destination.RemoteRepository}:{image.ContentTag} is missing from the registry right after the push.");
        if (pushed is not null && pushed != stored.Digest)
            throw new InvalidOperationException($"docker push reported {pushed}, but the registry holds {stored.Digest} for {destination.RemoteRepository}:{image.ContentTag}.");
        return image with { PushedRepository = destination.RemoteRepository, Digest = $"{destination.RemoteRepository}@{stored.Digest}" };
    }

    /// <summary>The digest docker push reported (the same for every tag of one image).</summary>
    private async Task<string?> PushTags(ImageRecord image, PushDestination destination, IReadOnlyList<string> tags, CancellationToken cancellation)
    {
        var configDirectory = (workDirectory / $"docker-config-{Guid.NewGuid():N}").CreateDirectory();
        try
        {
            if (destination.Login is { } login)
                await DockerCli.Login(destination.Registry, login.Username, login.Password, configDirectory, cancellation);
            string? digest = null;
            foreach (var tag in tags)
            {
                var remote = $"{destination.RemoteRepository}:{tag}";
                await DockerCli.Tag(image.LocalReference(tag), remote, cancellation);
                digest = await DockerCli.Push(remote, configDirectory, cancellation);
            }

            return digest;
        }
        finally
        {
            Directory.Delete(configDirectory, recursive: true);
        }
    }

    /// <summary>0.2.0-dev.3: each commit (or uncommitted change) towards a release builds another image under it.</summary>
    private static bool IsDevelopmentTag(string tag) => tag.Contains($"-{IHazVersion.DevelopmentLabel}.", StringComparison.Ordinal);
}
