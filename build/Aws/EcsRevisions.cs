namespace Pipeline.Aws;

/// <summary>
/// The one revision a deploy and its one-off tasks (MigrateDb) run for an image: reused when the family already has it,
/// so deploying the same image twice registers nothing, and MigrateDb's task and the service run the same definition.
/// </summary>
public static class EcsRevisions
{
    /// <summary>How many of the newest revisions are looked at for the image: enough for a rollback's, and a bounded cost.</summary>
    private const int Searched = 10;

    /// <summary>
    /// The newest ACTIVE revision of <paramref name="family"/> whose <paramref name="container"/> runs exactly
    /// <paramref name="image"/>, else a new revision: the newest one with only that image changed.
    /// </summary>
    public static async Task<EcsTaskDefinition> ForImage(EcsClient ecs, string family, string container, string image, IReadOnlyDictionary<string, string> tags, CancellationToken cancellation)
    {
        var (revision, runsImage) = await PickAsync(ecs, family, container, image, cancellation);
        return runsImage ? revision : await ecs.RegisterTaskDefinition(EcsTaskDefinition.RegisterRequestWithImage(revision, container, image), tags, cancellation);
    }

    /// <summary>
    /// Read only, what <see cref="ForImage"/> starts from: the revision that runs the image (true), else the newest,
    /// which a new revision would copy with only the image changed (false). A deploy's plan shows that copy.
    /// </summary>
    public static async Task<(EcsTaskDefinition Revision, bool RunsImage)> PickAsync(EcsClient ecs, string family, string container, string image, CancellationToken cancellation)
    {
        var revisions = await ecs.ListTaskDefinitions(family, cancellation);
        if (revisions.Count == 0)
            throw new InvalidOperationException($"Task definition family '{family}' has no ACTIVE revision to start from: register one first (Provision does).");
        EcsTaskDefinition? newest = null;
        foreach (var arn in revisions.Take(Searched))
        {
            var revision = await ecs.DescribeTaskDefinition(arn, cancellation);
            newest ??= revision;
            if (revision.ImageOf(container) == image)
                return (revision, true);
        }

        return (newest!, false);
    }
}
