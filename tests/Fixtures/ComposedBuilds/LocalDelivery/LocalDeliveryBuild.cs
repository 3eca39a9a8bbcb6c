using Engine;
using Pipeline.Delivery;
using Pipeline.Images;
using Pipeline.Linting;
using Pipeline.Platforms.Local;
using Pipeline.Testing;

/// <summary>A repository that deploys on this machine only: checks, an image, and blue/green on the local platform.</summary>
internal sealed class LocalDeliveryBuild : BuildBase, ILint, ITest, IBuildImage, IDeployBlueGreen, IHazLocalPlatform
{
    public static int Main() => Execute<LocalDeliveryBuild>(x => x.From<ITest>().Test);
}
