using Engine;
using Pipeline.IO;
using Pipeline.Solution;
using Pipeline.Tools;
using Pipeline.Versioning;

namespace Pipeline.Images;

/// <summary>
/// The BuildImage component: the service published self-contained, stamped with the version and commit it reports on
/// /version, and built into an image by the Docker CLI, tagged with the version, the commit and a content tag; unchanged
/// inputs (version and commit included) are a cache hit that builds nothing: the image is in the engine, or (with
/// PushEcr composed) pulled from the registry it was pushed to.
/// </summary>
public interface IBuildImage : IHazVersion, IHazServiceProject
{
    [Parameter("Base image the service runs on; offline: localhost/runtime-deps:bookworm")]
    string BaseImage => TryGetValue(() => BaseImage) ?? "mcr.microsoft.com/dotnet/runtime-deps:10.0";

    [Parameter("Name of the image repository, locally and in the registry")]
    string ImageRepository => TryGetValue(() => ImageRepository) ?? "app";

    /// <summary>The Dockerfile copies this folder: its path is fixed in the Dockerfile too.</summary>
    AbsolutePath PublishDirectory => ArtifactsDirectory / "image" / "publish";

    /// <summary>The files the content tag hashes: the service's sources, the Dockerfile beside them, and the build settings at the root.</summary>
    IReadOnlyList<AbsolutePath> ImageInputs =>
    [
        ServiceProject.Parent,
        RootDirectory / ".dockerignore",
        RootDirectory / "global.json",
        RootDirectory / "Directory.Build.props",
        RootDirectory / "Directory.Packages.props",
    ];

    /// <summary>Where BuildImage looks for an image pushed earlier under the content tag: nowhere, unless a push component says.</summary>
    Task<PushDestination?> ImageCacheRegistry(CancellationToken cancellation) => Task.FromResult<PushDestination?>(null);

    Target BuildImage => _ => _
        .Description("Publish the service and build its image (tags: version, commit, content); a cache hit when the content tag exists")
        .Produces("artifacts/image.json")
        .Executes(async cancellation =>
        {
            AtomicFile.EnsureWritableDirectory(ArtifactsDirectory, RootDirectory);
            var recipe = new ImageRecipe(ImageRepository, ServiceProject.Parent / "Dockerfile", RootDirectory, ImageInputs, BaseImage)
            {
                Prepare = async (stamp, c) =>
                {
                    if (Directory.Exists(PublishDirectory))
                        Directory.Delete(PublishDirectory, recursive: true);
                    await DotNet.PublishSelfContained(ServiceProject, "linux-x64", PublishDirectory, stamp.AssemblyProperties, c);
                },
                CacheRegistry = ImageCacheRegistry,
            };
            var record = await new ImageBuilder(RootDirectory, TemporaryDirectory / "image").BuildAsync(recipe, await ResolveVersion(cancellation), cancellation);
            record.Write(ArtifactsDirectory);
            ReportSummary($"{(record.CacheHit ? "cache hit" : "built")} {record.Repository}:{string.Join(", ", record.Tags)}");
        });
}
