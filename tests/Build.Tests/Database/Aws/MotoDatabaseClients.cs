using BuildTests.Aws;

namespace BuildTests.Database.Aws;

/// <summary>
/// MigrateDb's and RestoreDb's AWS clients against moto, waiting at moto's pace: it changes a state at once, so a
/// poll every 50 ms keeps a test to milliseconds where the real pace would take seconds.
/// </summary>
internal static class MotoDatabaseClients
{
    public static Awaiting Fast => AwsWaiting.With(SystemDeployClock.Instance, new PollPace(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(200)));

    public static AwsDatabaseClients Create() => AwsDatabaseClients.For(MotoNetwork.Connection(), Fast);
}
