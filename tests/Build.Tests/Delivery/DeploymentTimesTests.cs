using System.Text.Json;

namespace BuildTests.Delivery;

/// <summary>The record says when things happened, in seconds since the deploy started: each step, each measurement, each weight the router confirmed, the abort.</summary>
public sealed class DeploymentTimesTests
{
    private readonly DeployHarness harness = new();

    [Fact]
    public async Task Steps_measurements_and_confirmed_weights_carry_their_times_since_the_deploy_started()
    {
        await harness.DeployAsync(DeployHarness.ImageA);

        var record = await harness.DeployAsync(DeployHarness.ImageB);

        var began = record.Steps.Select(s => s.AtSeconds).ToList();
        Assert.Equal([began[0], began[0] + 30, began[0] + 60], began);
        Assert.Equal(record.Steps.Select(s => new WeightChange(s.AtSeconds, s.Percent)), record.WeightChanges);
        foreach (var step in record.Steps) // a measurement every 5 s of the 30 s bake
            Assert.Equal(Enumerable.Range(1, 6).Select(i => step.AtSeconds + (5 * i)), step.Analysis.Select(m => m.AtSeconds));
        Assert.True(began[^1] + 30 <= record.Seconds, $"the last step ended at {began[^1] + 30} s, after the deploy's {record.Seconds} s");
        Assert.Null(record.Abort);
    }

    [Fact]
    public async Task An_aborted_shift_records_when_and_why_and_the_weight_going_back_to_0()
    {
        var record = await harness.SecondDeployAsync(Behaviour.ServesErrors);

        var step = Assert.Single(record.Steps);
        var abort = Assert.IsType<DeployAbort>(record.Abort);
        Assert.Equal("5xx 100% > 1%", abort.Reason);
        Assert.Equal(step.Analysis[^1].AtSeconds, abort.AtSeconds);
        Assert.Equal([new WeightChange(step.AtSeconds, 10), new WeightChange(abort.AtSeconds, 0)], record.WeightChanges);
    }

    [Fact]
    public async Task A_first_deploy_records_its_one_weight_and_a_rollback_flip_its_own()
    {
        await harness.TwoGoodDeploysAsync();

        var rollback = await harness.RollbackAsync();

        Assert.Equal(DeploymentOutcome.RolledBack, rollback.Outcome);
        Assert.Equal(100, Assert.Single(rollback.WeightChanges).Percent);
    }

    [Fact]
    public async Task The_json_keeps_its_fields_and_adds_the_times()
    {
        var artifacts = TestPaths.NewTemporaryRoot();
        try
        {
            var record = await harness.SecondDeployAsync(Behaviour.ServesErrors);
            record.Write(artifacts);

            using var json = JsonDocument.Parse(File.ReadAllText(DeploymentRecord.PathIn(artifacts)));
            var root = json.RootElement;
            Assert.Equal("aborted", root.GetProperty("outcome").GetString());
            var step = root.GetProperty("steps")[0];
            Assert.Equal(["percent", "seconds", "analysis", "atSeconds"], step.EnumerateObject().Select(p => p.Name));
            Assert.True(step.GetProperty("analysis")[0].TryGetProperty("atSeconds", out _));
            Assert.Equal(["atSeconds", "percent"], root.GetProperty("weightChanges")[0].EnumerateObject().Select(p => p.Name));
            Assert.Equal(["atSeconds", "reason"], root.GetProperty("abort").EnumerateObject().Select(p => p.Name));
            Assert.Equal(record.Abort, DeploymentRecord.TryRead(artifacts)!.Abort);
        }
        finally
        {
            Directory.Delete(artifacts, recursive: true);
        }
    }
}
