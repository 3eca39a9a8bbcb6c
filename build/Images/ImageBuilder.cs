using Engine;
using Pipeline.Tools;

namespace Pipeline.Images;

/// <summary>
/// Builds an image unless one with the same content tag exists (a cache hit: no publish, no build), and returns what
/// artifacts/image.json records. The image is stamped with the version and commit (the service's assembly, its
/// APP_VERSION and APP_COMMIT, the labels), and the stamp is part of the content tag; built from uncommitted changes,
/// the stamp and the tags are marked with the content's hash (<see cref="DirtyMark"/>).
/// </summary>
internal sealed class ImageBuilder(AbsolutePath root, AbsolutePath workDirectory)
{
    public async Task<ImageRecord> BuildAsync(ImageRecipe recipe, string version, CancellationToken cancellation)
    {
        // Side by side: on a cache hit these probes are most of the time the target takes.
        var sourceProbe = SourceStateAsync(recipe, cancellation);
        // The base image's layers, not its name: a newer runtime-deps:10.0 is new content even under the same name.
        var layersProbe = DockerCli.LayerDigests(recipe.BaseImage, cancellation);
        await Task.WhenAll(sourceProbe, layersProbe);
        var (commit, dirty) = await sourceProbe;
        var baseImageLayers = await layersProbe;
        var contentTag = ContentTag.Compute(root, recipe.Inputs, ContentTag.Settings(recipe, root, baseImageLayers, ImageStamp.ForContentHash(version, commit, dirty)));
        var stamp = ImageStamp.For(version, commit, dirty, contentTag);
        var tags = ImageTags.For(version, commit, dirty, contentTag);
        var record = new ImageRecord(recipe.Repository, tags, "", contentTag) { Version = stamp.Version, Revision = stamp.Revision };

        if (await DockerCli.ImageId(record.LocalReference(contentTag), cancellation) is { } existing)
        {
            Log.Information($"cache hit: {record.LocalReference(contentTag)} ({existing[..19]}) is built from the same inputs; not building");
            return await TagAll(record, record.LocalReference(contentTag), existing, cancellation);
        }

        if (await recipe.CacheRegistry(cancellation) is { } registry && await RegistryCache.TryPull(registry, contentTag, workDirectory, cancellation) is { } pulled)
        {
            Log.Information($"cache hit: pulled {pulled}, built from the same inputs; not building");
            return await TagAll(record, pulled, (await DockerCli.ImageId(pulled, cancellation))!, cancellation);
        }

        Log.Information($"no image {record.LocalReference(contentTag)} yet: building");
        await recipe.Prepare(stamp, cancellation);
        var imageIdFile = workDirectory.CreateDirectory() / "image-id.txt";
        File.Delete(imageIdFile);
        await DockerCli.Build(
            new DockerBuild(recipe.Context, recipe.Dockerfile, imageIdFile)
            {
                Tags = tags.Select(record.LocalReference).ToList(),
                Arguments = new Dictionary<string, string>(stamp.BuildArguments) { ["BASE_IMAGE"] = recipe.BaseImage },
                Labels = ImageLabels.For(recipe, stamp, await ImageLabels.Source(root, cancellation)),
            },
            cancellation);
        return record with { ImageId = File.ReadAllText(imageIdFile).Trim() };
    }

    /// <summary>
    /// HEAD's commit, and whether the inputs differ from it: tracked files changed, or new files among them, which are
    /// built into the image as edited ones are though git status -uno omits them. No commit outside a repository (nor
    /// before its first commit): nothing to stamp or to differ from.
    /// </summary>
    private async Task<(string? Commit, bool Dirty)> SourceStateAsync(ImageRecipe recipe, CancellationToken cancellation)
    {
        if (await Git.FindAsync(root, cancellation) is not { } git)
            return (null, false);
        var commit = git.TryResolveAsync("HEAD", cancellation);
        var changed = git.ChangedPathsAsync(includeUntracked: false, cancellation);
        var untracked = git.HasUntrackedFilesAsync(recipe.Inputs, ContentTag.SkippedFolders, cancellation);
        await Task.WhenAll(commit, changed, untracked);
        return await commit is { } head ? (head, (await changed).Count > 0 || await untracked) : (null, false);
    }

    /// <summary>Adds the tags the image does not have yet: after a pull from the registry, or when one was removed.</summary>
    private static async Task<ImageRecord> TagAll(ImageRecord record, string source, string imageId, CancellationToken cancellation)
    {
        var existing = await DockerCli.RepositoryTags(source, cancellation) ?? [];
        foreach (var reference in record.Tags.Select(record.LocalReference).Except(existing))
            await DockerCli.Tag(source, reference, cancellation);

        return record with { ImageId = imageId, CacheHit = true };
    }
}
