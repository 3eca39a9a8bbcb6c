using System.Text.RegularExpressions;
using BuildTests.Delivery.EndToEnd;
using BuildTests.Delivery.Local;

namespace BuildTests.Delivery.Planning;

/// <summary>
/// ./build.sh DeployBlueGreen, DeployLocal and Rollback --plan on the local platform, as a user runs them: the exit code
/// and the last line, and nothing changed: the state folder, the router's weights, the containers, the registry, and no
/// image built (no artifacts/image.json).
/// </summary>
public sealed class LocalPlanBuildTests(ServiceImages images) : IClassFixture<ServiceImages>
{
    [EndToEndFact]
    public async Task DeployBlueGreen_and_DeployLocal_plan_the_next_release_to_green_and_change_nothing()
    {
        await using var build = await LocalDeliveryBuild.LiveOnBlueAsync(images.First);
        var before = await SnapshotAsync(build);

        var deploy = await build.RunAsync("DeployBlueGreen", "--plan", "--image-digest", images.Second.ToString());
        var delivery = await build.RunAsync(
            "DeployLocal", "--plan",
            "--service-assembly", Path.Combine(AppContext.BaseDirectory, "App.dll"),
            "--migrations-directory", TestPaths.RepositoryRoot / "src" / "App" / "Migrations");

        Assert.True(deploy.ExitCode == 0, deploy.ToString());
        // "about": the middle of the range, as the runs delete the record of the deploy before (its time would count).
        Assert.True(Regex.IsMatch(LastLine(deploy), $@"^plan: {Regex.Escape(images.Second.ToString())} → green via 10,50,100 \(3 × 2 s bake\), about \d+ (s|min)$"), deploy.ToString());
        Assert.Contains($"  changes:     image: {images.First} → {images.Second}", deploy.Output, StringComparison.Ordinal);
        Assert.True(delivery.ExitCode == 0, delivery.ToString());
        Assert.True(Regex.IsMatch(LastLine(delivery), @"^plan: \S+ → green via 10,50,100 \(3 × 2 s bake\), no migration, about \d+ (s|min)$"), delivery.ToString());
        Assert.False(File.Exists(Path.Combine(build.Artifacts, "image.json")));
        Assert.True(File.Exists(Path.Combine(build.Artifacts, "deploy-plan.json")));
        Assert.Equal(before, await SnapshotAsync(build));
    }

    [EndToEndFact]
    public async Task A_held_lock_and_nothing_to_roll_back_to_stop_a_rollback_with_exit_1()
    {
        await using var build = await LocalDeliveryBuild.LiveOnBlueAsync(images.First);
        var since = new DateTimeOffset(2026, 12, 7, 9, 30, 0, TimeSpan.Zero);
        Assert.Null(await build.Environment.Platform.TryAcquireLockAsync(new DeployLock("alice", "run-9", "elsewhere", 1, since, since.AddYears(10)), null, CancellationToken.None));
        var before = await SnapshotAsync(build);

        var rollback = await build.RunAsync("Rollback", "--plan");

        Assert.True(rollback.ExitCode == 1, rollback.ToString());
        Assert.StartsWith(
            "plan: would stop: the deploy lock of local is held by alice (run run-9, elsewhere pid 1) since 2026-12-07 09:30:00Z, expires 2036-12-07 09:30:00Z; nothing to roll back to: local has no previous release recorded",
            LastLine(rollback), StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(build));
    }

    [EndToEndFact]
    public async Task DeployLocal_plans_a_pending_migration_with_the_checks_verdict_and_one_that_breaks_the_serving_version_stops_it()
    {
        await using var build = await LocalDeliveryBuild.LiveOnBlueAsync(images.First);
        var migrations = Directory.CreateTempSubdirectory("plan-migrations-").FullName;
        File.Copy(TestPaths.RepositoryRoot / "src" / "App" / "Migrations" / "V1__create_notes.sql", Path.Combine(migrations, "V1__create_notes.sql"));
        string[] options = ["--service-assembly", Path.Combine(AppContext.BaseDirectory, "App.dll"), "--migrations-directory", migrations];
        try
        {
            File.WriteAllText(Path.Combine(migrations, "V2__add_owner.sql"), "ALTER TABLE notes ADD COLUMN owner text;\n");
            var compatible = await build.RunAsync(["DeployLocal", "--plan", .. options]);
            File.WriteAllText(Path.Combine(migrations, "V2__add_owner.sql"), "ALTER TABLE notes DROP COLUMN body;\n");
            var breaking = await build.RunAsync(["DeployLocal", "--plan", .. options]);

            Assert.True(compatible.ExitCode == 0, compatible.ToString());
            Assert.Contains(", 1 migration (compatible), about ", LastLine(compatible), StringComparison.Ordinal);
            Assert.Contains("  migrations:  1 pending (V2__add_owner.sql); compatible; backup: pg_dump into artifacts/backups of V1 first", compatible.Output, StringComparison.Ordinal);
            Assert.True(breaking.ExitCode == 1, breaking.ToString());
            Assert.Contains("1 pending (V2__add_owner.sql)", breaking.Output, StringComparison.Ordinal); // the first plan applied nothing
            Assert.StartsWith("plan: would stop: the migration check stops it: ", LastLine(breaking), StringComparison.Ordinal);
            Assert.Contains("drops column public.notes.body", LastLine(breaking), StringComparison.Ordinal);
            Assert.Empty(Directory.Exists(Path.Combine(build.Artifacts, "backups")) ? Directory.GetFiles(Path.Combine(build.Artifacts, "backups")) : []);
        }
        finally
        {
            Directory.Delete(migrations, recursive: true);
        }
    }

    private static string LastLine(EndToEnd.BuildRun run) => run.Output.TrimEnd().Split('\n')[^1];

    /// <summary>What a deploy changes on the platform (<see cref="LocalPlanTests.SnapshotAsync"/>) and the registry's catalog.</summary>
    private static async Task<string> SnapshotAsync(LocalDeliveryBuild build)
    {
        using var http = new HttpClient();
        var catalog = await http.GetStringAsync($"http://{Environment.GetEnvironmentVariable(Services.Registry)}/v2/_catalog");
        return $"{await LocalPlanTests.SnapshotAsync(build.Environment)}\n{catalog}";
    }
}
