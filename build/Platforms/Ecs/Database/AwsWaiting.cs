using Pipeline.Waiting;

namespace Pipeline.Platforms.Ecs.Database;

/// <summary>
/// How MigrateDb and RestoreDb wait on AWS (a snapshot to be available, the migration task to stop). ECS and RDS
/// describe calls are rate-limited: a look every 5 s while the state changes, backing off to 15 s while it does not.
/// These waits take minutes: a progress line when the state changes, otherwise every 30 s.
/// </summary>
internal static class AwsWaiting
{
    public static readonly PollPace Pace = new(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15));

    public static readonly TimeSpan StatusInterval = TimeSpan.FromSeconds(30);

    /// <summary>In real time, as the targets wait.</summary>
    public static Awaiting Default() => With(SystemDeployClock.Instance, Pace);

    /// <summary>On another clock or at another pace (a test's), with the same progress lines.</summary>
    public static Awaiting With(IDeployClock clock, PollPace pace, Action<string>? write = null) => new(clock, new BuildWaitLog(clock, StatusInterval, write), pace);
}
