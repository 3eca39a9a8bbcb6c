using BuildTests.Delivery.Local;
using Xunit.Abstractions;

namespace BuildTests.Delivery.EndToEnd;

/// <summary>
/// ./build.sh DeployBlueGreen killed with SIGKILL (the build and its tools: nothing gets to clean up) in each phase of a
/// deploy, then run again: the second run takes over the dead run's lock, repairs what it left (split traffic, a
/// half-staged color) and ends with exactly one live color; users of the public listener never see a failed request.
/// Each case is a few crashes in a row on one environment, to keep the runs few.
/// </summary>
[RunsLong(90)]
public sealed class CrashSafetyTests(ServiceImages images, ITestOutputHelper output) : IClassFixture<ServiceImages>
{
    private const string AfterFinalize = "is live with";

    /// <summary>The phase the state records for each line the build is killed at.</summary>
    private static readonly Dictionary<string, string> RecordedPhase = new(StringComparer.Ordinal)
    {
        ["staging "] = "stage",
        ["smoke tests against"] = "verify",
        ["step 10%"] = "shift 10%",
        ["step 50%"] = "shift 50%",
    };

    [EndToEndTheory]
    [InlineData("staging ", "step 50%")] // a container being started; traffic split 50/50
    [InlineData("smoke tests against", AfterFinalize)] // the new color checked through the test listener; the new color recorded live
    [InlineData("step 10%")]
    public async Task A_deploy_killed_in_any_phase_is_repaired_by_the_next_run_and_users_see_no_failed_request(params string[] phases)
    {
        // One-second bakes: the phases are the same, the runs shorter.
        string[] options = ["--bake-time", "1s"];
        await using var build = await LocalDeliveryBuild.CreateAsync();
        var first = await build.RunAsync(["DeployBlueGreen", "--image-digest", images.First.ToString(), .. options]);
        Assert.True(first.ExitCode == 0, first.ToString());
        var live = Color.Blue;

        await using var users = new PublicTraffic(build.Environment.Platform.PublicAddress);
        await users.FlowingAsync();
        foreach (var (phase, index) in phases.Select((phase, index) => (phase, index)))
        {
            var image = (index % 2 == 0 ? images.Second : images.First).ToString();
            bool killed;
            using (var doomed = build.Start(["DeployBlueGreen", "--image-digest", image, .. options]))
            {
                var line = await doomed.WaitForLineAsync(phase, TimeSpan.FromMinutes(2));
                killed = await doomed.KillAsync();
                output.WriteLine($"{(killed ? "killed" : "ended by itself before the kill")} at: {line}");
            }

            var rerun = await build.RunAsync(["DeployBlueGreen", "--image-digest", image, .. options]);

            output.WriteLine($"the next run: {rerun.Took.TotalSeconds:0.0} s, {rerun.Record?.Outcome}");
            Assert.True(rerun.ExitCode == 0, rerun.ToString());
            if (phase == AfterFinalize)
            {
                // The killed run had made the new color live; its last steps (the test route, the lock) may have been done too.
                Assert.Equal(DeploymentOutcome.AlreadyLive, rerun.Written.Outcome);
            }
            else
            {
                Assert.True(killed, "the build ended before it could be killed");
                Assert.Contains("taking over the lock of ", rerun.Output, StringComparison.Ordinal);
                Assert.Contains(": its process is gone", rerun.Output, StringComparison.Ordinal);
                Assert.Contains($"to {live.Other().Name()} (run ", rerun.Output, StringComparison.Ordinal);
                Assert.Contains($") was interrupted during {RecordedPhase[phase]}: repairing", rerun.Output, StringComparison.Ordinal);
                Assert.Equal(DeploymentOutcome.Deployed, rerun.Written.Outcome);
            }

            live = live.Other();
            Assert.Equal(live, await LiveColor.AssertOneAsync(build.Environment));
            Assert.Equal(image, (await build.Environment.Platform.ReadStateAsync(CancellationToken.None)).Live!.Image);
        }

        await users.StopAfterAsync(TimeSpan.FromSeconds(1));
        output.WriteLine(users.ToString());
        Assert.Empty(users.Failures);
    }
}
