namespace Pipeline.Delivery.Roles;

/// <summary>
/// The promotion role: what another environment runs, read where its platform keeps it, so a release is promoted
/// only once that environment verified it (ECS: the tags on staging's listeners).
/// </summary>
public interface IPromotionSource
{
    /// <summary>The environment's state; fails with one line when the environment was never deployed.</summary>
    Task<EnvironmentState> ReadStateAsync(string environment, CancellationToken cancellation);
}
