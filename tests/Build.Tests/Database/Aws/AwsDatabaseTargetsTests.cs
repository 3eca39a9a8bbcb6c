using System.Text.Json;
using BuildTests.Aws;
using BuildTests.Cli;

namespace BuildTests.Database.Aws;

/// <summary>
/// ./build.sh MigrateDb and RestoreDb --environment &lt;aws env&gt; as a user runs them, against moto: the whole way
/// through on an environment Provision made, and each kind of bad input as one line with a non-zero exit and nothing
/// changed.
/// </summary>
public sealed class AwsDatabaseTargetsTests : IDisposable
{
    /// <summary>The release MigrateDb runs: not the image of Provision's first revisions.</summary>
    private const string Release = MotoEcsEnvironment.ImageB;

    private readonly CompiledBuild build = new();

    [MotoFact]
    public async Task MigrateDb_runs_the_task_and_records_it_in_migration_json()
    {
        var environment = await MotoEcsEnvironment.ProvisionedForDefaultAppAsync();
        await MotoRds.CreateInstanceAsync(environment.Names.Prefix);

        var (code, output) = await RunAsync(environment.Names.Environment, "MigrateDb", "--image-digest", Release);

        Assert.True(code == 0, output);
        Assert.Contains("The task checks the pending scripts against the serving version first", output, StringComparison.Ordinal);
        Assert.Contains("Compatibility check: not in the task's log, but the task exited 0", output, StringComparison.Ordinal);
        Assert.Matches(@"Started task arn:aws:ecs:us-east-1:123456789012:task/app-t[0-9a-f]+/[0-9a-f-]+ \(RUNNING\)", output);
        Assert.Matches(@"Migration task [0-9a-f-]+: STOPPING \(\d+s / 1800s\)", output); // progress while moto steps the task down
        Assert.Matches(@"Migration task [0-9a-f-]+: STOPPED after \d+s", output);
        var record = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(build.Root, "artifacts", "migration.json"))).RootElement;
        Assert.Equal("migrated", record.GetProperty("outcome").GetString());
        Assert.Matches($"^app-{environment.Names.Environment}-[0-9]{{8}}-[0-9]{{6}}$", record.GetProperty("backup").GetString());
        Assert.Equal(0, record.GetProperty("oneOffTask").GetProperty("exitCodes").GetProperty("app").GetInt32());
        Assert.True(record.GetProperty("durationsMs").GetProperty("total").GetInt64() > 0);
    }

    [MotoFact]
    public async Task RestoreDb_restores_our_snapshot_to_a_new_instance_and_prints_the_steps()
    {
        var (environment, instance) = await MotoRds.NewInstanceAsync();
        var snapshot = await MotoDatabaseClients.Create().Snapshots.TakeAsync(instance, instance, environment, TimeSpan.FromMinutes(1), CancellationToken.None);

        var (code, output) = await RunAsync(environment, "RestoreDb", "--backup", snapshot.Id);

        Assert.True(code == 0, output);
        Assert.Matches($"RDS instance {instance}-restored-[0-9]{{8}}-[0-9]{{6}} is being created from the snapshot", output);
        Assert.Contains("Change the host of DATABASE_URL in the secret", output, StringComparison.Ordinal);
    }

    [MotoFact]
    public async Task Bad_input_is_one_line_and_changes_nothing()
    {
        var bare = await MotoEcsEnvironment.ProvisionedForDefaultAppAsync();
        await bare.DeleteServicesAsync();
        var complete = await MotoEcsEnvironment.ProvisionedForDefaultAppAsync();
        var foreign = $"app-{complete.Names.Environment}-20250101-120000";
        await MotoRds.CreateInstanceAsync(complete.Names.Prefix);
        await MotoRds.CreateForeignSnapshotAsync(complete.Names.Prefix, foreign);
        var image = new[] { "--image-digest", Release };

        await ExpectAsync(
            RunAsync(bare.Names.Environment, "MigrateDb", [.. image, "--ecs-cluster", "no-such-cluster"]),
            "MigrateDb failed: There is no ECS cluster 'no-such-cluster' in this account and region: pass --ecs-cluster, or run Provision");
        await ExpectAsync(
            RunAsync(bare.Names.Environment, "MigrateDb", image),
            $"MigrateDb failed: There is no ECS service {bare.Names.Service(Color.Blue)} or {bare.Names.Service(Color.Green)} in cluster {bare.Names.Cluster}");
        await ExpectAsync(
            RunAsync(complete.Names.Environment, "MigrateDb", [.. image, "--rds-instance", "no-such-instance"]),
            "MigrateDb failed: There is no RDS instance 'no-such-instance' in this account and region");
        await ExpectAsync(RunAsync(complete.Names.Environment, "MigrateDb"), "MigrateDb failed: no image to deploy: pass --image-digest");
        await ExpectAsync(
            RunAsync(complete.Names.Environment, "RestoreDb", "--backup", foreign),
            $"RestoreDb failed: RDS snapshot '{foreign}' was not taken by MigrateDb (no tag created-by=MigrateDb): refusing to restore it.");
        await ExpectAsync(
            RunAsync(complete.Names.Environment, "RestoreDb", "--backup", $"app-{complete.Names.Environment}-20250101-120001"),
            $"RestoreDb failed: There is no RDS snapshot 'app-{complete.Names.Environment}-20250101-120001' in this account and region.");
        await ExpectAsync(
            RunAsync(complete.Names.Environment, "RestoreDb", "--backup", "../" + foreign),
            $"RestoreDb failed: '../{foreign}' is not the name of an RDS snapshot MigrateDb took");

        var clients = AwsDatabaseClients.For(MotoNetwork.Connection(), AwsWaiting.Default());
        // moto adds an automated snapshot (rds:…) when it creates an instance, as RDS does: only manual ones could be ours.
        Assert.Equal([foreign], (await clients.Rds.DescribeDbSnapshots(complete.Names.Prefix, CancellationToken.None)).Select(s => s.Id).Where(id => !id.StartsWith("rds:", StringComparison.Ordinal)));
        foreach (var cluster in new[] { bare.Names.Cluster, complete.Names.Cluster })
            Assert.Empty(await clients.Ecs.ListTasks(cluster, null, null, "STOPPED", CancellationToken.None));
        Assert.Single(await clients.Ecs.ListTaskDefinitions(complete.Names.TaskFamily(Color.Blue), CancellationToken.None));
        Assert.False(File.Exists(Path.Combine(build.Root, "artifacts", "migration.json")));
    }

    [Fact]
    public async Task Without_credentials_or_region_it_is_one_line()
    {
        var environment = MotoEcsEnvironment.NewEnvironment();
        var noCredentials = await RunAsync(environment, "MigrateDb", WithoutCredentials(), "--image-digest", Release);
        var noRegion = await RunAsync(environment, "RestoreDb", new Dictionary<string, string> { ["AWS_REGION"] = "", ["AWS_DEFAULT_REGION"] = "" }, "--backup", $"app-{environment}-20250101-120000");

        await ExpectAsync(Task.FromResult(noCredentials), "MigrateDb failed: No AWS credentials found (environment, web identity, profile, container, instance metadata): set AWS_ACCESS_KEY_ID");
        await ExpectAsync(Task.FromResult(noRegion), "RestoreDb failed: No AWS region: pass --aws-region or set AWS_REGION.");
    }

    [Fact]
    public async Task Production_is_refused_without_the_confirmation_parameter_before_AWS_is_called() // production is on AWS: moved here from RestoreDbTests
    {
        File.WriteAllText(Path.Combine(build.Root, ".nuke", "parameters.production.json"), "{}");

        var result = await build.RunAsync(WithoutCredentials(), "RestoreDb", "--environment", "production", "--backup", "app-production-20250101-120000");

        await ExpectAsync(Task.FromResult(result), "RestoreDb failed: Refusing to restore into production without --confirm-production-restore");
    }

    public void Dispose() => build.Dispose();

    private static async Task ExpectAsync(Task<(int ExitCode, string Output)> run, string line)
    {
        var (code, output) = await run;
        Assert.True(code == 1, output);
        Assert.Contains(line, output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal); // one line, no stack trace
    }

    private Task<(int ExitCode, string Output)> RunAsync(string environment, string target, params string[] args) =>
        RunAsync(environment, target, new Dictionary<string, string>(), args);

    private Task<(int ExitCode, string Output)> RunAsync(string environment, string target, Dictionary<string, string> overrides, params string[] args)
    {
        File.WriteAllText(Path.Combine(build.Root, ".nuke", $"parameters.{environment}.json"), "{}");
        var variables = new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL"] = Environment.GetEnvironmentVariable(Services.Moto) ?? "http://127.0.0.1:1",
            ["AWS_ACCESS_KEY_ID"] = "test",
            ["AWS_SECRET_ACCESS_KEY"] = "test",
            ["AWS_REGION"] = "us-east-1",
            ["AWS_EC2_METADATA_DISABLED"] = "true",
        };
        foreach (var (name, value) in overrides)
            variables[name] = value;
        return build.RunAsync(variables, [target, "--environment", environment, .. args]);
    }

    private Dictionary<string, string> WithoutCredentials()
    {
        var variables = NoAwsCredentials.In(build.Root);
        variables["AWS_REGION"] = "us-east-1";
        return variables;
    }
}
