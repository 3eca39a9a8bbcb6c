using Engine;

/// <summary>
/// Builds an image unless one with the same content tag exists (a cache hit: no publish, no build, only the new tags),
/// and returns what artifacts/image.json records. The labels say which version and commit first built the content.
/// </summary>
internal sealed class ImageBuilder(AbsolutePath root, AbsolutePath workDirectory)
{
    public async Task<ImageRecord> BuildAsync(ImageRecipe recipe, string version, CancellationToken cancellation)
    {
        // Side by side: on a cache hit these probes are most of the time the target takes.
        var commitProbe = Git.Commit(root, cancellation);
        var dirtyProbe = Git.HasUncommittedChanges(root, cancellation);
        // The base image's layers, not its name: a newer runtime-deps:10.0 is new content even under the same name.
        var layersProbe = Docker.LayerDigests(recipe.BaseImage, cancellation);
        await Task.WhenAll(commitProbe, dirtyProbe, layersProbe);
        var commit = await commitProbe;
        var dirty = commit is not null && await dirtyProbe;
        var baseImageLayers = await layersProbe;
        var contentTag = ContentTag.Compute(root, recipe.Inputs, new Dictionary<string, string>
        {
            ["base-image"] = baseImageLayers ?? recipe.BaseImage,
            ["dockerfile"] = recipe.Dockerfile.RelativeTo(root),
        });
        var tags = ImageTags.For(version, commit, dirty, contentTag);
        var revision = commit is null ? null : commit + (dirty ? "-dirty" : "");
        var record = new ImageRecord(recipe.Repository, tags, "", contentTag) { Version = version, Revision = revision };

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
        await recipe.Prepare(cancellation);
        var imageIdFile = workDirectory.CreateDirectory() / "image-id.txt";
        File.Delete(imageIdFile);
        await Docker.Build(
            new DockerBuild(recipe.Context, recipe.Dockerfile, imageIdFile)
            {
                Tags = tags.Select(record.LocalReference).ToList(),
                Arguments = new Dictionary<string, string> { ["BASE_IMAGE"] = recipe.BaseImage },
                Labels = ImageLabels.For(recipe, version, revision, await ImageLabels.Source(root, cancellation)),
            },
            cancellation);
        return record with { ImageId = File.ReadAllText(imageIdFile).Trim() };
    }

    /// <summary>Adds the tags the image does not have yet (a new version or commit on unchanged content).</summary>
    private static async Task<ImageRecord> TagAll(ImageRecord record, string source, string imageId, CancellationToken cancellation)
    {
        var existing = await Docker.RepositoryTags(source, cancellation) ?? [];
        foreach (var reference in record.Tags.Select(record.LocalReference).Except(existing))
            await Docker.Tag(source, reference, cancellation);

        return record with { ImageId = imageId, CacheHit = true };
    }
}
