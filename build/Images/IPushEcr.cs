using Engine;

/// <summary>
/// The PushEcr component: the image BuildImage recorded, pushed to Amazon ECR (or, with ImageRegistry Local, to a
/// registry without AWS) and recorded by digest in artifacts/image.json and the image-digest output.
/// </summary>
public interface IPushEcr : IBuildImage, IHazAws
{
    [Parameter("Where PushEcr pushes: Ecr, or Local (the LocalRegistry, no AWS)")]
    ImageRegistryKind ImageRegistry => TryGetValue<ImageRegistryKind>(() => ImageRegistry) ?? ImageRegistryKind.Ecr;

    [Parameter("Registry host:port for ImageRegistry Local")]
    string LocalRegistry => TryGetValue(() => LocalRegistry) ?? "localhost:5000";

    [Parameter("Registry host:port standing in for ECR's registry endpoint; the ECR API still ensures the repository and gives the login")]
    string? EcrRegistryEndpoint => TryGetValue(() => EcrRegistryEndpoint);

    /// <summary>BuildImage's second cache is the registry PushEcr pushes to: found (never created), logged in.</summary>
    async Task<PushDestination?> IBuildImage.ImageCacheRegistry(CancellationToken cancellation)
    {
        if (ImageRegistry == ImageRegistryKind.Local)
            return new PushDestination(LocalRegistry, ImageRepository, Login: null);
        try
        {
            using var client = new AwsJsonClient(ConnectAws(), Ecr.Service);
            return await EcrDestination.FindAsync(new Ecr(client), ImageRepository, EcrRegistryEndpoint, cancellation);
        }
        catch (Exception e) when (e is InvalidOperationException or AwsServiceException)
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
            PushDestination destination;
            if (ImageRegistry == ImageRegistryKind.Local)
            {
                destination = new PushDestination(LocalRegistry, ImageRepository, Login: null);
            }
            else
            {
                using var client = new AwsJsonClient(ConnectAws(), Ecr.Service);
                destination = await EcrDestination.PrepareAsync(new Ecr(client), ImageRepository, EcrRegistryEndpoint, cancellation);
            }

            var pushed = await new ImagePusher(TemporaryDirectory / "image").PushAsync(image, destination, cancellation);
            pushed.Write(ArtifactsDirectory);
            TargetOutputs.Set(this, ImageOutputs.Digest, pushed.Digest!);
            Log.Information($"pushed {pushed.Digest}");
            ReportSummary(pushed.Digest!);
        });
}
