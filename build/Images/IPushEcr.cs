using Engine;
using Pipeline.IO;
using Pipeline.Platforms.Ecs;

namespace Pipeline.Images;

/// <summary>
/// The PushEcr component: the image BuildImage recorded, pushed to Amazon ECR (or, with ImageRegistry Local, to a
/// registry without AWS) and recorded by digest in artifacts/image.json and the image-digest output.
/// </summary>
public interface IPushEcr : IBuildImage
{
    [Parameter("Where PushEcr pushes: Ecr, or Local (the LocalRegistry, no AWS)")]
    ImageRegistryKind ImageRegistry => TryGetValue<ImageRegistryKind>(() => ImageRegistry) ?? ImageRegistryKind.Ecr;

    [Parameter("Registry host:port for ImageRegistry Local")]
    string LocalRegistry => TryGetValue(() => LocalRegistry) ?? "localhost:5000";

    /// <summary>The registry <see cref="ImageRegistry"/> names: the local one here; ECR with build/Platforms/Ecs's <see cref="IHazEcr"/>.</summary>
    IImageRegistry CreateImageRegistry() => ImageRegistry == ImageRegistryKind.Local ? new AnonymousRegistry(LocalRegistry) : CreateEcrRegistry();

    IImageRegistry CreateEcrRegistry() =>
        throw new InvalidOperationException("--image-registry Ecr: this build composes no ECR component (IHazEcr); pass --image-registry Local to push to the local registry");

    async Task<PushDestination?> IBuildImage.ImageCacheRegistry(CancellationToken cancellation)
    {
        try
        {
            return await CreateImageRegistry().FindAsync(ImageRepository, cancellation);
        }
        catch (InvalidOperationException e)
        {
            Log.Information($"registry cache not checked: {e.Message}");
            return null;
        }
    }

    Target PushEcr => _ => _
        .Description("Push the image's tags to ECR (or the local registry) and record repository@sha256:… as image-digest")
        .DependsOn(BuildImage)
        .Produces("artifacts/image.json")
        .Outputs(ImageOutputs.Digest)
        .Executes(async cancellation =>
        {
            var image = ImageRecord.Read(ArtifactsDirectory, RootDirectory);
            AtomicFile.EnsureWritableDirectory(ArtifactsDirectory, RootDirectory);
            var destination = await CreateImageRegistry().PrepareAsync(ImageRepository, cancellation);
            var pushed = await new ImagePusher(TemporaryDirectory / "image").PushAsync(image, destination, cancellation);
            pushed.Write(ArtifactsDirectory);
            TargetOutputs.Set(this, ImageOutputs.Digest, pushed.Digest!);
            Log.Information($"pushed {pushed.Digest}");
            ReportSummary(pushed.Digest!);
        });
}
