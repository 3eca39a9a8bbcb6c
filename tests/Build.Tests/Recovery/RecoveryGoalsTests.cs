namespace BuildTests.Recovery;

/// <summary>The drill's verdict on its goals and how it words durations: each missed goal with its figure and by how much.</summary>
public sealed class RecoveryGoalsTests
{
    private static readonly RecoveryDrillReport Passed = new()
    {
        Environment = "staging",
        Backup = "app-staging-20261206-043700",
        BackupCreatedAt = DateTimeOffset.Parse("2026-12-06T04:37:00Z", System.Globalization.CultureInfo.InvariantCulture),
        BackupAge = TimeSpan.FromMinutes(192),
        BackupVersion = 3,
        Restored = TimeSpan.FromMinutes(5),
        Serving = TimeSpan.FromSeconds(390),
        SmokePassed = TimeSpan.FromSeconds(400),
        SchemaVersion = 3,
        SmokeChecks = 4,
        SmokeChecksPassed = 4,
    };

    [Theory]
    [InlineData(0, "0 s")]
    [InlineData(59.4, "59 s")]
    [InlineData(60, "1 min")]
    [InlineData(400, "6 min 40 s")]
    [InlineData(11520, "3 h 12 min")]
    [InlineData(190800, "2 d 5 h")]
    public void Durations_read_in_at_most_two_units(double seconds, string expected) =>
        Assert.Equal(expected, RecoveryDrillReport.Duration(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void A_drill_within_its_goals_passes_with_the_summary_line_of_the_issue()
    {
        var judged = new RecoveryGoals(TimeSpan.FromMinutes(10), TimeSpan.FromHours(24)).Judge(Passed);

        Assert.True(judged.Passed);
        Assert.Equal("recovery drill passed: app-staging-20261206-043700 (age 3 h 12 min) restored and serving in 6 min 40 s; smoke 4 of 4", judged.Summary());
    }

    [Fact]
    public void Each_missed_goal_is_said_with_its_figure_and_by_how_much()
    {
        var judged = new RecoveryGoals(TimeSpan.FromMinutes(5), TimeSpan.FromHours(1)).Judge(Passed);

        Assert.False(judged.Passed);
        Assert.Equal(
            "recovery drill failed: app-staging-20261206-043700 (age 3 h 12 min): the backup is 3 h 12 min old, 2 h 12 min over the goal of 1 h (--max-backup-age); "
            + "recovery took 6 min 40 s, 1 min 40 s over the goal of 5 min (--max-recovery-time)",
            judged.Summary());
    }

    [Fact]
    public void A_drill_that_never_served_is_not_judged_on_recovery_time_but_keeps_its_own_failure()
    {
        var failed = (Passed with { Serving = null, SmokePassed = null }).Failing("the live release's migrate --check against the restored backup exited with 1: boom");

        var judged = new RecoveryGoals(TimeSpan.FromSeconds(1), null).Judge(failed);

        Assert.Equal(["the live release's migrate --check against the restored backup exited with 1: boom"], judged.Failures);
    }

    [Theory]
    [InlineData(0, 60, "--max-recovery-time must be positive, not 00:00:00")]
    [InlineData(60, -1, "--max-backup-age must be positive, not -00:00:01")]
    public void Goals_that_are_not_positive_are_refused(int recoverySeconds, int ageSeconds, string message)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => RecoveryGoals.Checked(TimeSpan.FromSeconds(recoverySeconds), TimeSpan.FromSeconds(ageSeconds)));
        Assert.Equal(message, refused.Message);
    }

    [Fact]
    public void Rows_differ_only_where_the_manifest_counted_them()
    {
        Assert.True(new TableRowCount("public.notes", 3, 2).Differs);
        Assert.False(new TableRowCount("public.notes", 3, 3).Differs);
        Assert.False(new TableRowCount("public.notes", null, 2).Differs);
    }
}

/// <summary>What the drill refuses before it makes anything, through the compiled build as a user runs it.</summary>
public sealed class RecoveryDrillInputTests
{
    [MotoFact]
    public async Task An_AWS_environment_without_a_snapshot_MigrateDb_took_is_refused_in_one_line_with_nothing_made()
    {
        using var build = new BuildTests.Cli.CompiledBuild();
        var environment = await BuildTests.Aws.MotoEcsEnvironment.ProvisionedForDefaultAppAsync();
        await BuildTests.Database.Aws.MotoRds.CreateInstanceAsync(environment.Names.Prefix);
        File.WriteAllText(Path.Combine(build.Root, ".nuke", $"parameters.{environment.Names.Environment}.json"), "{}");
        var variables = new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL"] = Services.Address(Services.Moto),
            ["AWS_ACCESS_KEY_ID"] = "test",
            ["AWS_SECRET_ACCESS_KEY"] = "test",
            ["AWS_REGION"] = "us-east-1",
        };

        var (code, output) = await build.RunAsync(variables, "RecoveryDrill", "--environment", environment.Names.Environment);

        Assert.True(code == 1, output);
        Assert.Contains($"RecoveryDrill failed: There is no available RDS snapshot MigrateDb took of {environment.Names.Prefix} to drill with", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.DoesNotContain((await new Rds(BuildTests.Aws.MotoNetwork.Connection()).DescribeDbInstances(CancellationToken.None)).Select(i => i.Id), id => id.StartsWith(environment.Names.Prefix + "-drill-", StringComparison.Ordinal));
        Assert.False(File.Exists(Path.Combine(build.Root, "artifacts", "recovery-drill.json")));
    }

    [Fact]
    public async Task A_name_that_is_no_backup_name_is_refused_in_one_line_before_the_engine_or_the_database_is_reached()
    {
        using var build = new BuildTests.Cli.CompiledBuild();
        File.WriteAllText(Path.Combine(build.Root, ".nuke", "parameters.local.json"), "{}");
        var unreachable = new Dictionary<string, string> { ["DOCKER_HOST"] = "unix:///nonexistent/docker.sock", ["DATABASE_URL"] = "postgres://app:secret-pw@127.0.0.1:9/app" };

        var (code, output) = await build.RunAsync(unreachable, "RecoveryDrill", "--environment", "local", "--backup", "../etc/passwd", "--local-state-directory", "state");

        Assert.True(code == 1, output);
        Assert.Contains("RecoveryDrill failed: '../etc/passwd' is not the name of a backup MigrateDb made: expected a bare name", output, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-pw", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Docker engine", output, StringComparison.Ordinal);
    }
}
