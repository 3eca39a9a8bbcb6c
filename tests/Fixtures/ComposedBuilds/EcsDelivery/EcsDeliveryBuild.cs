using Engine;
using Pipeline.Database;
using Pipeline.Linting;
using Pipeline.Platforms.Ecs;
using Pipeline.Testing;

/// <summary>A repository that delivers to AWS only: the full ECS pipeline, staging then production, without the local platform.</summary>
internal sealed class EcsDeliveryBuild : BuildBase, ILint, ITest, IDeployStaging, IDeployProduction, IProvision, IRestoreDb
{
    public static int Main() => Execute<EcsDeliveryBuild>(x => x.From<ITest>().Test);
}
