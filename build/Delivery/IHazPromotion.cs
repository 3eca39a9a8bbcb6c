using System.Runtime.CompilerServices;
using Engine;
using Pipeline.Delivery.Roles;
using Pipeline.Hosting;
using Pipeline.Images;

namespace Pipeline.Delivery;

/// <summary>
/// A build whose environments may be promoted from another (the hosting map's PromotedFrom: production from
/// staging): there, MigrateDb and DeployBlueGreen get the release the source environment verified, or nothing
/// (<see cref="Promotion"/>). Decided once per run, so both get the same one even if the source changes meanwhile.
/// </summary>
public interface IHazPromotion : IHazReleaseImage, IHazHosting
{
    // Keyed by the build: the source environment is read once per run.
    private static readonly ConditionalWeakTable<IHazPromotion, ColorRelease> Promotions = [];

    /// <summary>Where the source environment's state is read: on the platform the hosting map puts it on (a platform component provides it).</summary>
    IPromotionSource CreatePromotionSource(HostedEnvironment source);

    (ImageDigest Image, string? Version, string? Commit)? IHazReleaseImage.PromotedRelease()
    {
        if (HostedEnvironment.PromotedFrom is not { } source)
            return null;
        var release = Promotions.GetValue(this, build => build.PromoteFrom(source));
        return (release.Digest, release.Version, release.Commit);
    }

    private ColorRelease PromoteFrom(string source)
    {
        var state = CreatePromotionSource(HostingMap[source]).ReadStateAsync(source, CancellationToken.None).GetAwaiter().GetResult();
        var release = Promotion.Verified(source, EnvironmentName, state, ImageDigest);
        Log.Information($"promoting {DeployRequest.Describe(release.Version, release.Digest)}, live in {source} since run {release.RunId ?? "(unknown)"}");
        return release;
    }
}
