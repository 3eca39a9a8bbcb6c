using Engine;
using Engine.Running;

namespace BuildTests.LocalEnvironment;

/// <summary>
/// local-environment.sh: status and bad input (fast, no services), the LocalEnvironment target's usage check, and the
/// full up/down cycle on a fresh root with ports of its own (starts real servers: see <see cref="LocalEnvironmentFactAttribute"/>).
/// </summary>
public sealed class LocalEnvironmentTests
{
    private const string Usage = "up | down [--purge] | status";

    [Fact]
    public async Task Status_on_an_empty_root_names_each_service_as_not_answering_and_exits_3()
    {
        var script = new LocalEnvironmentScript();
        script.Environment["DOCKER_HOST"] = $"unix://{script.Root}/docker.sock";
        script.Environment["TRIVY_EXE"] = script.Root / "no-trivy";

        var (code, output, _) = await script.RunAsync("status");

        Assert.Equal(3, code);
        var lines = Lines(output);
        Assert.Equal(
            [
                $"docker: not answering, unix://{script.Root}/docker.sock",
                $"registry: not answering, 127.0.0.1:{script.RegistryPort}",
                $"postgres: not answering, 127.0.0.1:{script.PostgresPort}",
                $"trivy: not found, {script.Root}/no-trivy (TRIVY_EXE)",
            ],
            lines.Take(4));
        Assert.Matches("^router: (found, /.*haproxy \\(HAProxy .*\\)|not installed, haproxy)$", Assert.Single(lines.Skip(4)));
        Assert.False(Directory.Exists(script.Root), "status must not create the root folder");
    }

    [Theory]
    [InlineData]
    [InlineData("start")]
    [InlineData("up", "now")]
    [InlineData("down", "--force")]
    [InlineData("status", "--purge")]
    public async Task A_bad_command_is_the_usage_line_and_exit_2(params string[] args)
    {
        var (code, output, errors) = await new LocalEnvironmentScript().RunAsync(args);

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Equal($"usage: {LocalEnvironmentScript.Path} {Usage}", Assert.Single(Lines(errors)));
    }

    [Theory]
    [InlineData("APP_LOCAL_REGISTRY_PORT", "five", "local-environment: 'five' is not a port (APP_LOCAL_REGISTRY_PORT, APP_LOCAL_POSTGRES_PORT)")]
    [InlineData("APP_LOCAL_POSTGRES_PORT", "70000", "local-environment: '70000' is not a port (APP_LOCAL_REGISTRY_PORT, APP_LOCAL_POSTGRES_PORT)")]
    [InlineData("APP_LOCAL_ENV_DIR", "relative/root", "local-environment: APP_LOCAL_ENV_DIR must be an absolute path, not 'relative/root'")]
    public async Task A_bad_setting_is_one_line_and_exit_2_before_anything_starts(string variable, string value, string expected)
    {
        var script = new LocalEnvironmentScript();
        script.Environment[variable] = value;

        var (code, output, errors) = await script.RunAsync("up");

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Equal(expected, Assert.Single(Lines(errors)));
    }

    [Fact]
    public async Task Down_on_a_root_up_never_made_stops_nothing()
    {
        var script = new LocalEnvironmentScript();

        var (code, output, errors) = await script.RunAsync("down", "--purge");

        Assert.Equal(0, code);
        Assert.Empty(output);
        Assert.Equal($"local-environment: down: {script.Root} does not exist: nothing was started", Assert.Single(Lines(errors)));
    }

    [Fact]
    public void The_LocalEnvironment_target_is_a_usage_error_outside_the_local_environment()
    {
        string[] args = ["--environment", "staging"];
        var root = TestPaths.NewTemporaryRoot();
        File.WriteAllText(root / ".nuke" / "parameters.staging.json", "{}");
        try
        {
            using var writer = new StringWriter { NewLine = "\n" };
            var code = BuildHost.Run(new LocalEnvironmentBuild(), ["LocalEnvironment", .. args, "--root", root], _ => null, writer,
                redirectConsole: false, Environment.GetEnvironmentVariable, CancellationToken.None);

            Assert.Equal(BuildHost.UsageError, code);
            Assert.Equal("error: LocalEnvironment runs on the local environment only; drop --profile staging (or --environment staging).", writer.ToString().Trim());
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>
    /// up on a fresh root starts what is missing, a second up finds it all, another root's up and down find it and
    /// leave it running, down stops it keeping the data (up starts it again on it), down --purge removes the root.
    /// With DOCKER_HOST set (CI: with-services.sh's engine) the engine is found and must survive every down;
    /// otherwise the test starts one on a socket of its own.
    /// </summary>
    [LocalEnvironmentFact]
    public async Task Up_and_down_start_and_stop_what_is_missing_and_leave_alone_what_they_found()
    {
        var script = new LocalEnvironmentScript();
        var givenEngine = Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } host ? host : null;
        var engine = givenEngine ?? $"unix://{script.Root}/docker.sock";
        script.Environment["DOCKER_HOST"] = engine;
        script.Environment["BASE_IMAGE"] = "localhost/runtime-deps:bookworm";
        // Where up links Trivy when it finds none: on PATH, as /usr/local/bin is for the machine's local environment.
        script.Environment["PATH"] = $"{script.Root / "bin"}:{Environment.GetEnvironmentVariable("PATH")}";
        var other = new LocalEnvironmentScript();
        try
        {
            var (up, upOutput, upErrors) = await script.RunAsync("up");

            Assert.True(up == 0, upOutput + upErrors);
            var lines = Lines(upOutput);
            Assert.Equal(["docker", "base image", "registry", "postgres", "trivy", "router"], lines.Select(l => l.Split(':')[0]));
            Assert.StartsWith(givenEngine is null ? $"docker: started, {engine} (engine " : $"docker: found, {engine} (engine ", lines[0], StringComparison.Ordinal);
            Assert.Matches("^base image: (made|found), localhost/runtime-deps:bookworm", lines[1]);
            Assert.Equal($"registry: started, 127.0.0.1:{script.RegistryPort} (data in {script.Root}/registry/data)", lines[2]);
            Assert.StartsWith($"postgres: initialized and started, 127.0.0.1:{script.PostgresPort} (database app, user app, password local-only; PostgreSQL ", lines[3], StringComparison.Ordinal);
            Assert.Matches("^trivy: (found|linked|installed), /", lines[4]);
            Assert.Matches("^router: (found|installed), /.*haproxy ", lines[5]);
            // The root's id, which the local platform's state records: made with the root, kept while the root is.
            var id = File.ReadAllText(script.Root / "environment-id").Trim();
            Assert.Matches("^[0-9a-f]{32}$", id);
            Assert.Contains($"local-environment: up: {script.Root} (environment {id})", upErrors, StringComparison.Ordinal);

            // Again: everything answers, nothing starts (and no server kept the lock of the first run).
            var (again, againOutput, againErrors) = await script.RunAsync("up").WaitAsync(TimeSpan.FromSeconds(60));
            Assert.True(again == 0, againOutput + againErrors);
            Assert.All(Lines(againOutput), line => Assert.Matches("^[a-z ]+: found, ", line));
            Assert.Equal(0, (await script.RunAsync("status")).ExitCode);

            // Another root on the same addresses finds everything, and its down leaves it all running.
            other.Environment["DOCKER_HOST"] = engine;
            other.Environment["BASE_IMAGE"] = "localhost/runtime-deps:bookworm";
            other.Environment["APP_LOCAL_REGISTRY_PORT"] = $"{script.RegistryPort}";
            other.Environment["APP_LOCAL_POSTGRES_PORT"] = $"{script.PostgresPort}";
            other.Environment["PATH"] = script.Environment["PATH"];
            var (otherUp, otherUpOutput, otherUpErrors) = await other.RunAsync("up");
            Assert.True(otherUp == 0, otherUpOutput + otherUpErrors);
            Assert.Contains($"registry: found, 127.0.0.1:{script.RegistryPort} (not started by local-environment)", Lines(otherUpOutput));
            var (otherDown, otherDownOutput, _) = await other.RunAsync("down", "--purge");
            Assert.Equal(0, otherDown);
            Assert.Equal(
                [
                    $"postgres: left running, 127.0.0.1:{script.PostgresPort} (not started by local-environment)",
                    $"registry: left running, 127.0.0.1:{script.RegistryPort} (not started by local-environment)",
                    $"docker: left running, {engine} (not started by local-environment)",
                ],
                Lines(otherDownOutput).Where(line => !line.StartsWith("trivy:", StringComparison.Ordinal)));
            Assert.Equal(0, (await script.RunAsync("status")).ExitCode);

            // down stops what this root's up started and keeps the data; an engine it found keeps running.
            var (down, downOutput, _) = await script.RunAsync("down");
            Assert.Equal(0, down);
            Assert.Contains($"registry: stopped, 127.0.0.1:{script.RegistryPort} (data kept in {script.Root}/registry/data)", Lines(downOutput));
            Assert.Contains(givenEngine is null ? $"docker: stopped, {engine} (data kept in {script.Root}/docker)" : $"docker: left running, {engine} (not started by local-environment)", Lines(downOutput));
            var (status, statusOutput, _) = await script.RunAsync("status");
            Assert.Equal(3, status);
            Assert.Contains($"registry: not answering, 127.0.0.1:{script.RegistryPort}", Lines(statusOutput));
            Assert.Contains($"postgres: not answering, 127.0.0.1:{script.PostgresPort}", Lines(statusOutput));
            Assert.StartsWith(givenEngine is null ? "docker: not answering" : "docker: answers", Lines(statusOutput)[0], StringComparison.Ordinal);

            // up again: on the kept data (the cluster is not initialized again).
            var (restart, restartOutput, restartErrors) = await script.RunAsync("up");
            Assert.True(restart == 0, restartOutput + restartErrors);
            Assert.StartsWith($"postgres: started, 127.0.0.1:{script.PostgresPort} ", Lines(restartOutput)[3], StringComparison.Ordinal);
            Assert.Equal(id, File.ReadAllText(script.Root / "environment-id").Trim()); // the same environment, on its kept data

            var (purge, purgeOutput, _) = await script.RunAsync("down", "--purge");
            Assert.Equal(0, purge);
            Assert.Contains($"postgres: stopped, 127.0.0.1:{script.PostgresPort} (data removed: {script.Root}/postgres/data)", Lines(purgeOutput));
            Assert.False(Directory.Exists(script.Root), $"down --purge left {script.Root}");
        }
        finally
        {
            await other.RunAsync("down", "--purge");
            await script.RunAsync("down", "--purge");
        }
    }

    private static List<string> Lines(string text) => [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries)];
}

/// <summary>A build of the LocalEnvironment component alone.</summary>
internal sealed class LocalEnvironmentBuild : BuildBase, ILocalEnvironment;
