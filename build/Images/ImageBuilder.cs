using Engine;

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
        var commitProbe = Git.Commit(root, cancellation);
        var dirtyProbe = Git.HasUncommittedChanges(root, cancellation);
        // A new file among the inputs is built into the image as an edited one is, though git status -uno omits it.
        var untrackedProbe = Git.HasUntrackedFiles(root, recipe.Inputs, ContentTag.SkippedFolders, cancellation);
        // The base image's layers, not its name: a newer runtime-deps:10.0 is new content even under the same name.
        var layersProbe = Docker.LayerDigests(recipe.BaseImage, cancellation);
        await Task.WhenAll(commitProbe, dirtyProbe, untrackedProbe, layersProbe);
        var commit = await commitProbe;
        var dirty = commit is not null && (await dirtyProbe || await untrackedProbe);
        var baseImageLayers = await layersProbe;
        var contentTag = ContentTag.Compute(root, recipe.Inputs, ContentTag.Settings(recipe, root, baseImageLayers, ImageStamp.ForContentHash(version, commit, dirty)));
        var stamp = ImageStamp.For(version, commit, dirty, contentTag);
        var tags = ImageTags.For(version, commit, dirty, contentTag);
        var record = new ImageRecord(recipe.Repository, tags, "", contentTag) { Version = stamp.Version, Revision = stamp.Revision };

        if (await Docker.ImageId(record.LocalReference(contentTag), cancellation) is { } existing)
        {
            Log.Information($"cache hit: {record.LocalReference(contentTag)} ({existing[..19]}) is built from the same inputs; not building");
            return await TagAll(record, record.LocalReference(contentTag), existing, cancellation);
        }

        if (await recipe.CacheRegistry(cancellation) is { } registry && await RegistryCache.TryPull(registry, contentTag, workDirectory, cancellation) is { } pulled)
        {
            Log.Information($"cache hit: pulled {pulled}, built from the same inputs; not building");
            return await TagAll(record, pulled, (await Docker.ImageId(pulled, cancellation))!, cancellation);
        }

        Log.Information($"no image {record.LocalReference(contentTag)} yet: building");
        await recipe.Prepare(stamp, cancellation);
        var imageIdFile = workDirectory.CreateDirectory() / "image-id.txt";
        File.Delete(imageIdFile);
        await Docker.Build(
            new DockerBuild(recipe.Context, recipe.Dockerfile, imageIdFile)
            {
                Tags = tags.Select(record.LocalReference).ToList(),
                Arguments = new Dictionary<string, string>(stamp.BuildArguments) { ["BASE_IMAGE"] = recipe.BaseImage },
                Labels = ImageLabels.For(recipe, stamp, await ImageLabels.Source(root, cancellation)),
            },
            cancellation);
        return record with { ImageId = File.ReadAllText(imageIdFile).Trim() };
    }

    /// <summary>Adds the tags the image does not have yet: after a pull from the registry, or when one was removed.</summary>
    private static async Task<ImageRecord> TagAll(ImageRecord record, string source, string imageId, CancellationToken cancellation)
    {
        var existing = await Docker.RepositoryTags(source, cancellation) ?? [];
        foreach (var reference in record.Tags.Select(record.LocalReference).Except(existing))
            await Docker.Tag(source, reference, cancellation);

        return record with { ImageId = imageId, CacheHit = true };
    }
}
