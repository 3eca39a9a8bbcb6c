namespace BuildTests.Database.Aws;

/// <summary>The names MigrateDb gives snapshots and restored instances, and the names RestoreDb refuses.</summary>
public sealed class MigrationNamesTests
{
    private static readonly DateTimeOffset Time = new(2025, 1, 2, 3, 4, 5, TimeSpan.FromHours(2));

    [Fact]
    public void A_snapshot_is_named_after_the_environment_and_the_UTC_time()
    {
        Assert.Equal("app-staging-20250102-010405", RdsSnapshotName.For("app-staging", Time));
    }

    [Theory]
    [InlineData("../app-staging-20250102-010405")]
    [InlineData("app-staging-20250102-010405/../x")]
    [InlineData("/etc/passwd")]
    [InlineData("arn:aws:rds:us-east-1:123456789012:snapshot:app-staging-20250102-010405")]
    [InlineData("app--staging-20250102-010405")]
    [InlineData("1app-staging-20250102-010405")]
    [InlineData("app-staging")]
    public void A_name_that_is_not_one_of_our_snapshot_names_is_refused(string name)
    {
        var error = Assert.Throws<InvalidOperationException>(() => RdsSnapshotName.Parse(name));
        Assert.StartsWith($"'{name}' is not the name of an RDS snapshot MigrateDb took", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_restored_instance_is_named_after_the_old_one_within_RDS_limit()
    {
        Assert.Equal("app-staging-restored-20250102-010405", SnapshotRestore.RestoredInstanceId("app-staging", Time));
        var restored = SnapshotRestore.RestoredInstanceId(new string('a', 60), Time);
        Assert.Equal(63, restored.Length);
        Assert.EndsWith("a-restored-20250102-010405", restored, StringComparison.Ordinal);
    }

    [Fact]
    public void The_migrate_command_checks_first_and_carries_the_plan_and_target_options()
    {
        Assert.Equal(["migrate", "--check", "--lock-timeout", "300"], MigrationTaskCommand.For(new MigrationRequest("staging", false, false, null, TimeSpan.FromMinutes(5))));
        Assert.Equal(
            ["migrate", "--plan", "--check", "--lock-timeout", "60", "--target", "3"],
            MigrationTaskCommand.For(new MigrationRequest("staging", false, true, 3, TimeSpan.FromMinutes(1))));
    }
}
