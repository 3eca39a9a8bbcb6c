using System.Net;

namespace Pipeline.Aws;

/// <summary>
/// Which failures are worth another try and how long to wait: throttling and server errors (and a connection that
/// failed), at most <see cref="MaxAttempts"/> tries, waits growing exponentially with full jitter so that many clients
/// throttled together do not come back together (the scheme the AWS SDKs use).
/// </summary>
public sealed record AwsRetryPolicy(int MaxAttempts, TimeSpan BaseDelay, TimeSpan MaxDelay)
{
    public static readonly AwsRetryPolicy Default = new(MaxAttempts: 5, BaseDelay: TimeSpan.FromMilliseconds(200), MaxDelay: TimeSpan.FromSeconds(10));

    private static readonly HashSet<string> ThrottlingCodes =
    [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException", "TooManyRequestsException",
        "ProvisionedThroughputExceededException", "RequestLimitExceeded", "BandwidthLimitExceeded", "RequestThrottled",
        "SlowDown", "PriorRequestNotComplete", "EC2ThrottledException", "TransactionInProgressException",
    ];

    public static bool IsRetryable(AwsServiceException error) =>
        ThrottlingCodes.Contains(error.Code) || error.Status == HttpStatusCode.TooManyRequests || (int)error.Status >= 500;

    /// <summary>The wait before try number <paramref name="attempt"/> + 1: random in [0, min(max, base·2^(attempt-1))].</summary>
    public TimeSpan DelayAfter(int attempt)
    {
        var ceiling = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1));
#pragma warning disable CA5394 // jitter, not security: a predictable random is fine
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * ceiling);
#pragma warning restore CA5394
    }
}
