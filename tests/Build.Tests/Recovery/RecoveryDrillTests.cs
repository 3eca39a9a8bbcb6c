using System.Text.Json.Nodes;
using BuildTests.Delivery.EndToEnd;
using BuildTests.Delivery.Local;
using BuildTests.Images;
using TestSupport;

namespace BuildTests.Recovery;

/// <summary>
/// ./build.sh RecoveryDrill on the local platform, end to end: a real PostgreSQL, the service's image on a real Docker
/// engine behind HAProxy. A drill restores the newest backup MigrateDb took into a scratch database, serves it with the
/// live release, smoke-tests that, and leaves nothing behind, whatever happened; the live service and its database
/// never notice.
/// </summary>
[RunsLong(110)]
public sealed class RecoveryDrillTests(ServiceImages images) : IClassFixture<ServiceImages>
{
    private const string Notes = "SELECT coalesce(string_agg(id || ':' || title, ',' ORDER BY id), '') FROM notes";

    [EndToEndFact]
    public async Task A_drill_of_the_newest_backup_passes_reports_RPO_RTO_and_rows_and_changes_nothing_live()
    {
        await using var build = await LocalDeliveryBuild.LiveOnBlueAsync(images.First);
        using var scripts = new ScriptFolder();
        var backup = await BackUpAsync(build, scripts, "INSERT INTO notes (title, body) VALUES ('kept', 'a'), ('also kept', 'b')");
        var backedUp = await DatabaseState.ScalarAsync(build.Database.ConnectionString, "SELECT count(*) FROM notes"); // the deploy's smoke test wrote one too
        var liveRows = await Text(build, Notes);
        var liveSchema = await DatabaseState.ReadAsync(build.Database.ConnectionString);
        var liveVersion = await build.Environment.Http.GetStringAsync(new Uri(build.Environment.Platform.PublicAddress, "version"));

        var drill = await build.RunAsync("RecoveryDrill");

        Assert.True(drill.ExitCode == 0, drill.ToString());
        Assert.Matches($@"RecoveryDrill\s+Succeeded\s+.*recovery drill passed: {backup} \(age \d+ (s|min)[^)]*\) restored and serving in (\d+ min )?\d+ s; smoke 4 of 4", drill.Output);
        var report = JsonNode.Parse(File.ReadAllText(Path.Combine(build.Artifacts, "recovery-drill.json")))!;
        Assert.Equal((backup, 1L, 1L, true), (report["backup"]!.GetValue<string>(), report["backupVersion"]!.GetValue<long>(), report["schemaVersion"]!.GetValue<long>(), report["passed"]!.GetValue<bool>()));
        var notes = report["rows"]!.AsArray().Single(row => row!["table"]!.GetValue<string>() == "public.notes")!;
        Assert.Equal((backedUp, backedUp), (notes["backup"]!.GetValue<long>(), notes["restored"]!.GetValue<long>()));
        Assert.All(new[] { "restored", "serving", "smokePassed" }, field => Assert.NotNull(report[field]));
        Assert.Equal((4, 4), (report["smokeChecks"]!.GetValue<int>(), report["smokeChecksPassed"]!.GetValue<int>()));

        // The smoke suite wrote a note into the drill's database, not the live one; the router never saw the drill.
        Assert.Equal(liveRows, await Text(build, Notes));
        Assert.Equal(liveSchema, await DatabaseState.ReadAsync(build.Database.ConnectionString));
        Assert.Equal(liveVersion, await build.Environment.Http.GetStringAsync(new Uri(build.Environment.Platform.PublicAddress, "version")));
        await AssertNothingLeftAsync(build);
    }

    [EndToEndFact]
    public async Task A_damaged_backup_fails_in_one_line_before_anything_is_made()
    {
        await using var build = await LocalDeliveryBuild.LiveOnBlueAsync(images.First);
        using var scripts = new ScriptFolder();
        var backup = await BackUpAsync(build, scripts, "INSERT INTO notes (title, body) VALUES ('x', 'y')");
        await File.AppendAllTextAsync(Path.Combine(build.Artifacts, "backups", backup + ".dump"), "damaged");

        var drill = await build.RunAsync("RecoveryDrill");

        Assert.True(drill.ExitCode == 1, drill.ToString());
        Assert.Contains($"RecoveryDrill failed: Backup {backup} does not match the checksum recorded when it was made: the file was changed or damaged.", drill.Output, StringComparison.Ordinal);
        await AssertNothingLeftAsync(build);
    }

    [EndToEndFact]
    public async Task A_backup_whose_history_the_live_release_cannot_serve_fails_at_its_migrate_check_and_leaves_nothing()
    {
        await using var build = await LocalDeliveryBuild.LiveOnBlueAsync(images.First);
        // A database migrated by other scripts: its V1 is not the V1 the live release carries.
        var other = new TestDatabase();
        await other.InitializeAsync();
        try
        {
            await DrillAnotherHistoryAsync(build, other.Url);
        }
        finally
        {
            await other.DisposeAsync();
        }
    }

    private static async Task DrillAnotherHistoryAsync(LocalDeliveryBuild build, string otherUrl)
    {
        using var scripts = new ScriptFolder();
        scripts.Add("V1__create_notes.sql", "CREATE TABLE notes (id bigserial PRIMARY KEY, title text NOT NULL, body text NOT NULL DEFAULT '', created_at timestamptz NOT NULL DEFAULT now(), legacy int);");
        var first = await MigrateAsync(build, scripts, otherUrl);
        scripts.Add("V2__drill_marker.sql", "CREATE TABLE drill_marker (id int);");
        var second = await MigrateAsync(build, scripts, otherUrl);
        Assert.True(first.ExitCode == 0 && second.ExitCode == 0, first + "\n" + second);
        var backup = Path.GetFileNameWithoutExtension(Directory.GetFiles(Path.Combine(build.Artifacts, "backups"), "*-v1.json").Single());

        var drill = await build.RunAsync("RecoveryDrill", "--backup", backup);

        Assert.True(drill.ExitCode == 1, drill.ToString());
        Assert.Matches($@"RecoveryDrill failed: recovery drill failed: {backup} \(age [^)]+\): the live release's migrate --check against the restored backup exited with [1-9]\d*: .*V1__create_notes.sql: changed since it was applied", drill.Output);
        var report = JsonNode.Parse(File.ReadAllText(Path.Combine(build.Artifacts, "recovery-drill.json")))!;
        Assert.False(report["passed"]!.GetValue<bool>());
        Assert.Null(report["serving"]);
        await AssertNothingLeftAsync(build);
    }

    [EndToEndFact]
    public async Task A_drill_killed_half_way_leaves_what_the_next_drill_removes_before_it_passes()
    {
        await using var build = await LocalDeliveryBuild.LiveOnBlueAsync(images.First);
        using var scripts = new ScriptFolder();
        await BackUpAsync(build, scripts, "INSERT INTO notes (title, body) VALUES ('x', 'y')");
        using (var killed = build.Start("RecoveryDrill"))
        {
            await killed.WaitForLineAsync("to be ready", TimeSpan.FromMinutes(2));
            Assert.True(await killed.KillAsync(), "the drill ended before it was killed:\n" + killed.Output);
        }

        Assert.Equal(1, await DrillDatabasesAsync(build));

        var next = await build.RunAsync("RecoveryDrill");

        Assert.True(next.ExitCode == 0, next.ToString());
        Assert.Matches(@"dropped database drill_\w+, left by a recovery drill that did not finish", next.Output);
        Assert.Matches(@"removed container \S+-drill-\S+, left by a recovery drill that did not finish", next.Output);
        await AssertNothingLeftAsync(build);
    }

    [EndToEndFact]
    public async Task Ctrl_C_during_a_drill_removes_what_it_made_before_the_build_ends()
    {
        await using var build = await LocalDeliveryBuild.LiveOnBlueAsync(images.First);
        using var scripts = new ScriptFolder();
        await BackUpAsync(build, scripts, "SELECT 1");
        using var drill = build.Start("RecoveryDrill");
        await drill.WaitForLineAsync("to be ready", TimeSpan.FromMinutes(2));

        await drill.InterruptAsync();
        var (code, output) = await drill.WaitAsync(TimeSpan.FromMinutes(1));

        Assert.True(code != 0, output);
        Assert.Matches(@"RecoveryDrill\s+Aborted", output);
        await AssertNothingLeftAsync(build);
    }

    [EndToEndFact]
    public async Task Goals_that_are_missed_fail_the_drill_saying_which_and_by_how_much_and_bad_goals_are_refused_first()
    {
        await using var build = await LocalDeliveryBuild.LiveOnBlueAsync(images.First);
        using var scripts = new ScriptFolder();
        await BackUpAsync(build, scripts, "SELECT 1");
        await Task.Delay(TimeSpan.FromSeconds(2)); // the backup is at least 2 s old

        var missed = await build.RunAsync("RecoveryDrill", "--max-backup-age", "1s", "--max-recovery-time", "10ms");
        var refused = await build.RunAsync("RecoveryDrill", "--max-recovery-time", "0s");

        Assert.True(missed.ExitCode == 1, missed.ToString());
        Assert.Matches(@"RecoveryDrill failed: recovery drill failed: \S+ \(age \d+ s\): the backup is \d+ s old, \d+ s over the goal of 1 s \(--max-backup-age\); recovery took \d+ s, \d+ s over the goal of 0 s \(--max-recovery-time\)", missed.Output);
        Assert.True(refused.ExitCode == 1, refused.ToString());
        Assert.Contains("RecoveryDrill failed: --max-recovery-time must be positive, not 00:00:00", refused.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("recovery drill of", refused.Output, StringComparison.Ordinal);
        await AssertNothingLeftAsync(build);
    }

    /// <summary>Writes the rows, then migrates to a V2 of no consequence, so MigrateDb takes a backup at V1; returns its name.</summary>
    private static async Task<string> BackUpAsync(LocalDeliveryBuild build, ScriptFolder scripts, string sql)
    {
        await DatabaseState.ExecuteAsync(build.Database.ConnectionString, sql);
        scripts.Add("V1__create_notes.sql", File.ReadAllText(TestPaths.RepositoryRoot / "src" / "App" / "Migrations" / "V1__create_notes.sql"));
        scripts.Add("V2__drill_marker.sql", "CREATE TABLE drill_marker (id int);");
        var migrated = await MigrateAsync(build, scripts);
        Assert.True(migrated.ExitCode == 0, migrated.ToString());
        var manifests = Directory.GetFiles(Path.Combine(build.Artifacts, "backups"), "*.json").Order(StringComparer.Ordinal).ToList();
        return Path.GetFileNameWithoutExtension(manifests[^1]);
    }

    private static Task<BuildRun> MigrateAsync(LocalDeliveryBuild build, ScriptFolder scripts, string? databaseUrl = null) =>
        build.RunAsync(
            databaseUrl is null ? null : new Dictionary<string, string> { ["DATABASE_URL"] = databaseUrl },
            "MigrateDb", "--service-assembly", Path.Combine(AppContext.BaseDirectory, "App.dll"), "--migrations-directory", scripts.Path);

    private static async Task AssertNothingLeftAsync(LocalDeliveryBuild build)
    {
        Assert.Equal(0, await DrillDatabasesAsync(build));
        var containers = FixtureImage.Docker("ps", "--all", "--filter", $"label=app-pipeline.drill={build.Environment.Settings.Name}", "--format", "{{.Names}}");
        Assert.True(containers.Trim().Length == 0, "drill containers left: " + containers);
    }

    private static Task<long> DrillDatabasesAsync(LocalDeliveryBuild build) =>
        DatabaseState.ScalarAsync(build.Database.ConnectionString, $"SELECT count(*) FROM pg_database WHERE starts_with(datname, 'drill_{build.Environment.Settings.Name.ToLowerInvariant().Replace('-', '_')}_')");

    private static async Task<string> Text(LocalDeliveryBuild build, string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(build.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
