using Engine;

namespace Pipeline.Images;

/// <summary>
/// A build that works with the image about to be released: --image-digest, else the digest PushEcr recorded in
/// artifacts/image.json. DeployBlueGreen deploys it; MigrateDb on AWS runs its migrate command, so both use the same one.
/// </summary>
public interface IHazReleaseImage : IBuild
{
    [Parameter("The image to deploy, repository@sha256:…", DefaultText = "the digest PushEcr recorded in artifacts/image.json")]
    ImageDigest? ImageDigest => TryGetValue(() => ImageDigest);

    /// <summary>A release that overrides the given or pushed one: DeployProduction's, what staging verified; null for none.</summary>
    (ImageDigest Image, string? Version, string? Commit)? PromotedRelease() => null;

    /// <summary>
    /// The promoted release, else --image-digest, else what PushEcr recorded; the version and commit come from the image
    /// record when it is that image.
    /// </summary>
    (ImageDigest Image, string? Version, string? Commit) ReleaseToDeploy()
    {
        if (PromotedRelease() is { } promoted)
            return promoted;
        var pushed = File.Exists(ImageRecord.PathIn(ArtifactsDirectory)) ? ImageRecord.Read(ArtifactsDirectory, RootDirectory) : null;
        var image = ImageDigest
            ?? (pushed?.Digest is { } digest ? global::Pipeline.Images.ImageDigest.Parse(digest) : null)
            ?? throw new InvalidOperationException("no image to deploy: pass --image-digest repository@sha256:…, or run PushEcr first (it records the digest in artifacts/image.json)");
        return pushed?.Digest == image.ToString() ? (image, pushed.Version, pushed.Revision) : (image, null, null);
    }
}
