using Pipeline.Aws;
using Pipeline.Delivery;
using Pipeline.Delivery.Roles;

namespace Pipeline.Platforms.Ecs;

/// <summary>The plan's read-only look: Describe and List calls only, never a registration, a tag or an update.</summary>
public sealed partial class EcsPlatform
{
    /// <summary>The same lookups as <see cref="CheckReachableAsync"/> (read-only on ECS), their one line as the reason.</summary>
    public async Task<string?> NotReadyAsync(CancellationToken cancellation)
    {
        try
        {
            await CheckReachableAsync(cancellation);
            return null;
        }
        catch (InvalidOperationException e)
        {
            return $"{Names.Environment} was never provisioned: {e.Message}";
        }
        catch (Exception e) when (e is AwsServiceException or HttpRequestException)
        {
            return $"{Names.Environment} cannot be read in {settings.Region}: {e.Message.ReplaceLineEndings(" ")}";
        }
    }

    public Task<EnvironmentState> PeekStateAsync(CancellationToken cancellation) => ReadStateAsync(cancellation);

    public async Task<DeployLock?> PeekLockAsync(CancellationToken cancellation) =>
        ListenerTags.ToLock(await elb.DescribeTags((await ResourcesAsync(cancellation)).Production.Arn, cancellation));

    public async Task<ColorDefinition?> DefinitionAsync(Color color, CancellationToken cancellation)
    {
        var service = await ServiceAsync(color, cancellation);
        if (service.TaskDefinition.Length == 0 || service.DesiredCount == 0)
            return null; // scaled to nothing: its revision is what it would run, not what runs
        var revision = await ecs.DescribeTaskDefinition(service.TaskDefinition, cancellation);
        return EcsColorDefinition.From(revision, Names.Container, since: service.Primary?.CreatedAt);
    }

    /// <summary>The revision a stage would run: the family's one with the image, else its newest with the image replaced.</summary>
    public async Task<ColorDefinition> StagedDefinitionAsync(Color color, string image, string? version, string? commit, CancellationToken cancellation)
    {
        var (revision, _) = await EcsRevisions.PickAsync(ecs, Names.TaskFamily(color), Names.Container, image, cancellation);
        return EcsColorDefinition.From(revision, Names.Container, image);
    }
}
