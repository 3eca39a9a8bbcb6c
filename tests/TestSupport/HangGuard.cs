namespace TestSupport;

/// <summary>
/// A cancellation for waits on a process of the service, so that one which never ends fails its test instead of
/// hanging the test run. A guard only: nothing is asserted about how long the process takes.
/// </summary>
public static class HangGuard
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    public static CancellationTokenSource Start() => new(Limit);
}
