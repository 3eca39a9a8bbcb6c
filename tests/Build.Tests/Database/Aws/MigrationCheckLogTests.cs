using Engine;
using TestSupport;

namespace BuildTests.Database.Aws;

/// <summary>
/// The compatibility check of MigrateDb on AWS, which runs in the one-off task (its command: MigrationNamesTests): what
/// MigrateDb decides from the task's exit code and log (moto's tasks exit 0 and run nothing, so the decision is tested
/// on logs shaped like the service's, and on the service's own lines from its migrate command run with the task's
/// arguments against a real PostgreSQL).
/// </summary>
public sealed class MigrationCheckLogTests : IAsyncLifetime, IDisposable
{
    private const string Drop = "V2__drop_body.sql line 3: drops column public.notes.body, which the serving version may still use";
    private const string Advice = "split the change into expand and contract steps, or mark the script '-- migrate:contract' once no serving version uses the old shape";

    private static readonly MigrationRequest Request = new("staging", SkipBackup: false, DryRun: false, Target: null, LockTimeout: TimeSpan.FromMinutes(5));

    private readonly TestDatabase database = new();
    private readonly ScriptFolder scripts = new();

    [Fact]
    public void A_breaking_change_in_the_log_stops_MigrateDb_with_the_file_line_and_what_breaks()
    {
        string[] log =
        [
            "Host=db;Port=5432;Database=notes;Username=notes: at V1, 1 pending up to V2",
            "  pending V2__drop_body.sql",
            "checking the 1 pending script(s) against the serving version (V1) in a transaction that is rolled back…",
            "rolled back the check after 42 ms: nothing changed",
            "migrate: " + Drop,
            $"migrate: 1 change(s) would break the version now serving: {Advice}; nothing was applied",
        ];

        var check = MigrationCheckLog.Read(log, taskSucceeded: false);
        var result = Stopped(exitCode: 1);

        Assert.True(check.Stopped);
        Assert.Equal("failed: " + Drop, check.Recorded);
        Assert.Equal(42, check.CheckMs);
        Assert.Equal("stopped by the compatibility check: nothing applied", EcsMigration.Outcome(result, check, Request));
        Assert.Equal(
            $"The compatibility check in migration task 0123abcd stopped it before anything was applied: {Drop}; the database was backed up as RDS snapshot app-staging-20250101-120000",
            EcsMigration.Failure(result, check, "app-staging-20250101-120000"));
    }

    [Fact]
    public void A_lock_the_check_could_not_get_stops_MigrateDb_with_the_checks_line()
    {
        const string Lock = "V2__drop_body.sql line 2: the compatibility check could not get a lock within 5s (another session holds one on what the statement changes) "
            + "and gave up rather than make the serving version's queries wait behind it; nothing was applied: run it again once that session is done, or allow more with --check-lock-timeout";

        var check = MigrationCheckLog.Read(["checking the 1 pending script(s) against the serving version (V1) in a transaction that is rolled back…", "migrate: " + Lock], taskSucceeded: false);

        Assert.Equal([Lock], check.Problems);
        Assert.Equal("failed: " + Lock, check.Recorded);
        Assert.StartsWith("The compatibility check in migration task 0123abcd stopped it before anything was applied: V2__drop_body.sql line 2: the compatibility check could not get a lock", EcsMigration.Failure(Stopped(1), check, null), StringComparison.Ordinal);
    }

    [Fact]
    public void A_check_that_passed_or_was_skipped_is_recorded_so()
    {
        var passed = MigrationCheckLog.Read(
            ["rolled back the check after 7 ms: nothing changed", "compatible: the pending scripts keep every table and column the serving version uses", "applied V2__a.sql in 3 ms", "migrated V1 to V2 in 90 ms"],
            taskSucceeded: true);
        var skipped = MigrationCheckLog.Read(["compatibility check skipped: the database has no version yet, so no version serves against it", "migrated V0 to V1 in 9 ms"], taskSucceeded: true);

        Assert.Equal(("passed", 7L, false), (passed.Recorded, passed.CheckMs, passed.Stopped));
        Assert.Equal("skipped: the database has no version yet, so no version serves against it", skipped.Recorded);
        Assert.Null(EcsMigration.Failure(Stopped(0), passed, null));
        Assert.Equal("migrated", EcsMigration.Outcome(Stopped(0), passed, Request));
    }

    [Fact]
    public void A_script_that_fails_after_the_check_passed_is_the_tasks_failure_not_the_checks()
    {
        var check = MigrationCheckLog.Read(
            ["compatible: the pending scripts keep every table and column the serving version uses", "migrate: V2__a.sql line 1 failed: 42704: type \"nope\" does not exist; V2 was rolled back and left no trace; the database is at V1"],
            taskSucceeded: false);

        Assert.Equal("passed", check.Recorded);
        Assert.Equal("failed", EcsMigration.Outcome(Stopped(1), check, Request));
        Assert.Equal("The migration task 0123abcd failed: container app exited with 1", EcsMigration.Failure(Stopped(1), check, null));
    }

    [Fact]
    public void Without_the_checks_lines_the_exit_code_decides()
    {
        var exited0 = MigrationCheckLog.Read([], taskSucceeded: true);
        var exited1 = MigrationCheckLog.Read([], taskSucceeded: false);

        Assert.False(exited0.Stopped);
        Assert.StartsWith("not in the task's log, but the task exited 0", exited0.Recorded, StringComparison.Ordinal);
        Assert.False(exited1.Stopped);
        Assert.Equal("not known: the task failed (see error) and its log does not show the check's lines", exited1.Recorded);
        Assert.Equal("The migration task 0123abcd failed: container app exited with 1", EcsMigration.Failure(Stopped(1), exited1, null));
    }

    [PostgresFact]
    public async Task The_services_lines_under_the_tasks_command_are_read_as_MigrateDb_reads_the_tasks_log()
    {
        scripts.Add("V1__create_notes.sql", File.ReadAllText(TestPaths.RepositoryRoot / "src" / "App" / "Migrations" / "V1__create_notes.sql"));
        var first = await RunTaskCommandAsync();
        scripts.Add("V2__drop_body.sql", "-- the body moves to note_bodies\nALTER TABLE notes ADD COLUMN summary text;\nALTER TABLE notes\n  DROP COLUMN body;\n");
        var breaking = await RunTaskCommandAsync();
        var history = await DatabaseState.HistoryAsync(database.ConnectionString);
        scripts.Add("V2__drop_body.sql", "-- migrate:contract\nALTER TABLE notes ADD COLUMN summary text;\nALTER TABLE notes\n  DROP COLUMN body;\n");
        var contract = await RunTaskCommandAsync();

        Assert.Equal((0, "skipped: the database has no version yet, so no version serves against it"), (first.ExitCode, first.Check.Recorded));
        Assert.Equal(1, breaking.ExitCode);
        Assert.Equal([Drop], breaking.Check.Problems);
        Assert.Single(history);
        Assert.Equal((0, "passed", false), (contract.ExitCode, contract.Check.Recorded, contract.Check.Stopped));
        Assert.Equal(2, await DatabaseState.ScalarAsync(database.ConnectionString, "SELECT max(version) FROM schema_history"));
    }

    public Task InitializeAsync() => database.InitializeAsync();

    public Task DisposeAsync() => database.DisposeAsync();

    public void Dispose() => scripts.Dispose();

    // The task's container runs the image's entry point (dotnet App.dll) with the command as its arguments.
    private async Task<(int ExitCode, MigrationCheckLog Check)> RunTaskCommandAsync()
    {
        var result = await ToolRunner.RunUncheckedAsync(
            new ToolInvocation("dotnet", [Path.Combine(AppContext.BaseDirectory, "App.dll"), .. MigrationTaskCommand.For(Request), "--migrations", scripts.Path])
            {
                Environment = new Dictionary<string, string?> { ["DATABASE_URL"] = database.Url, ["ConnectionStrings__Default"] = null },
            },
            CancellationToken.None);
        return (result.ExitCode, MigrationCheckLog.Read([.. result.Output, .. result.Errors], result.ExitCode == 0));
    }

    private static MigrationTaskResult Stopped(int exitCode)
    {
        var task = new EcsTask(
            "arn:aws:ecs:us-east-1:012345678910:task/app-staging/0123abcd", "STOPPED", "STOPPED", "arn:aws:ecs:us-east-1:012345678910:task-definition/app-staging-blue:7",
            null, null, [new EcsContainer("app", exitCode, null, "STOPPED")], DateTimeOffset.UtcNow);
        return new MigrationTaskResult(task, MigrationTaskOutcome.Of(task), []);
    }
}
