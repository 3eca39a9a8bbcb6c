using Pipeline.Images;

namespace Pipeline.Delivery;

/// <summary>The one line a deploy or rollback leaves in the summary table and the notification: the outcome, never dressed up.</summary>
public static class DeploymentSummary
{
    public static string Of(DeploymentRecord record)
    {
        var release = DeployRequest.Describe(record.Version, ImageDigest.Parse(record.Image));
        var to = record.ToColor?.Name();
        var took = $"{record.Seconds:0.#} s";
        return record.Outcome switch
        {
            DeploymentOutcome.Deployed => $"deployed {release} to {to}, {record.TrafficPercent}%, in {took}",
            DeploymentOutcome.AlreadyLive => $"{release} already live on {to}: {record.Reason ?? "nothing changed"}",
            DeploymentOutcome.RolledBack => $"rolled back to {release} on {to} in {took}",
            DeploymentOutcome.Aborted => record.Reason ?? "aborted",
            _ => $"failed before any traffic reached {to}: {FirstLine(record.Reason)}"
                + (record.FromColor is { } from ? $"; traffic stays on {from.Name()}" : ""),
        };
    }

    private static string FirstLine(string? text) => (text ?? "unknown reason").Split('\n', 2)[0];
}
