using System.Diagnostics;
using System.Globalization;
using BuildTests.Cli;
using TestSupport;

namespace BuildTests.Delivery.EndToEnd;

/// <summary>
/// The compiled build deploying to one test's own local environment (<see cref="Local.LocalEnvironment"/>: a unique app
/// name, state folder and free ports, so tests cannot collide), with short bake, analysis and drain times, and the
/// service's database, migrated, on the test PostgreSQL. Every run gets those options unless it passes its own.
/// The build is told the environment's root (APP_LOCAL_ENV_DIR), which holds the id local-environment.sh up would have
/// written into it, so every run records and checks the environment as a user's does.
/// On dispose the environment's containers and HAProxy are gone, the database is dropped and the build's root deleted.
/// </summary>
internal sealed class LocalDeliveryBuild : IAsyncDisposable
{
    private readonly CompiledBuild build;
    private readonly TestDatabase? database;

    private LocalDeliveryBuild(TestDatabase? database, TimeSpan? timeout)
    {
        this.database = database;
        build = timeout is { } runTimeout ? new CompiledBuild { Timeout = runTimeout } : new CompiledBuild();
        // --environment local reads the local profile's file: empty here, so nothing of this machine's local environment leaks in.
        File.WriteAllText(Path.Combine(build.Root, ".nuke", "parameters.local.json"), "{}");
        MakeEnvironmentRoot();
    }

    /// <summary>The local environment's root as local-environment.sh up leaves it, as far as the build reads it: its environment-id.</summary>
    public string EnvironmentRoot { get; } = Directory.CreateTempSubdirectory("env-").FullName;

    public string EnvironmentId => File.ReadAllText(Path.Combine(EnvironmentRoot, "environment-id")).Trim();

    /// <summary>The environment's settings, state folder and platform, for the test's own reading of what the build left.</summary>
    public Local.LocalEnvironment Environment { get; } = new(settings => settings with { Environment = "local" });

    /// <summary>The build's root: a test that builds the image copies the service's sources into it.</summary>
    public string Root => build.Root;

    public string Artifacts => Path.Combine(build.Root, "artifacts");

    /// <summary>The environment's database, for a test that reads or writes it as the live service would.</summary>
    public TestDatabase Database => database ?? throw new InvalidOperationException("this environment was created without a database");

    /// <summary>
    /// A new environment; <paramref name="withDatabase"/> false for runs that never start the service;
    /// <paramref name="timeout"/> per run when it builds the image (a publish and a build take minutes on a busy machine).
    /// </summary>
    public static async Task<LocalDeliveryBuild> CreateAsync(bool withDatabase = true, TimeSpan? timeout = null)
    {
        var created = new LocalDeliveryBuild(withDatabase ? new TestDatabase() : null, timeout);
        try
        {
            if (created.database is { } database)
            {
                await database.InitializeAsync();
                await MigrateAsync(database.Url);
            }
        }
        catch
        {
            // Never handed to the test, so never disposed by it.
            await created.DisposeAsync();
            throw;
        }

        return created;
    }

    /// <summary>A new environment whose blue runs <paramref name="image"/> with all traffic: a first DeployBlueGreen went through.</summary>
    public static async Task<LocalDeliveryBuild> LiveOnBlueAsync(ImageDigest image)
    {
        var created = await CreateAsync();
        try
        {
            var first = await created.RunAsync("DeployBlueGreen", "--image-digest", image.ToString());
            Assert.True(first.ExitCode == 0, first.ToString());
        }
        catch
        {
            // Never handed to the test, so never disposed by it.
            await created.DisposeAsync();
            throw;
        }

        return created;
    }

    /// <summary>The root removed and made again, as local-environment.sh down --purge then up: the same folder, another environment.</summary>
    public void RemakeEnvironmentRoot()
    {
        var before = EnvironmentId;
        Directory.Delete(EnvironmentRoot, recursive: true);
        MakeEnvironmentRoot();
        Assert.NotEqual(before, EnvironmentId);
    }

    public Task<BuildRun> RunAsync(params string[] args) => RunAsync(null, args);

    /// <summary>Runs the build to its end, with <paramref name="variables"/> on top of the environment it always gets.</summary>
    public async Task<BuildRun> RunAsync(IReadOnlyDictionary<string, string>? variables, params string[] args)
    {
        var record = DeploymentRecord.PathIn(new Engine.AbsolutePath(Artifacts));
        if (File.Exists(record))
            File.Delete(record); // what the run writes, not what an earlier one left
        var clock = Stopwatch.StartNew();
        var (code, output) = await build.RunAsync(Variables(variables), [.. WithDefaults(args)]);
        return new BuildRun(code, output, clock.Elapsed, DeploymentRecord.TryRead(new Engine.AbsolutePath(Artifacts)));
    }

    /// <summary>The variables and arguments <see cref="RunAsync(string[])"/> would give the build, for a test that starts it elsewhere (in a terminal).</summary>
    public (Dictionary<string, string> Variables, string[] Arguments) Invocation(IReadOnlyDictionary<string, string>? variables, params string[] args) =>
        (Variables(variables), [.. WithDefaults(args)]);

    /// <summary>Starts the build in a process group of its own, for a test that kills it midway.</summary>
    public RunningBuild Start(params string[] args) => new(build.StartInOwnProcessGroup(Variables(null), [.. WithDefaults(args)]));

    /// <summary>Each part is cleaned up even when one before it fails (a test that left the engine unreachable …).</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await Environment.DisposeAsync();
        }
        finally
        {
            try
            {
                if (database is not null)
                    await database.DisposeAsync();
            }
            finally
            {
                build.Dispose();
                Directory.Delete(EnvironmentRoot, recursive: true);
            }
        }
    }

    private Dictionary<string, string> Variables(IReadOnlyDictionary<string, string>? extra)
    {
        var variables = new Dictionary<string, string> { ["NO_COLOR"] = "1", ["APP_LOCAL_ENV_DIR"] = EnvironmentRoot };
        if (database is not null)
            variables["DATABASE_URL"] = database.Url;
        foreach (var (name, value) in extra ?? new Dictionary<string, string>())
            variables[name] = value;
        return variables;
    }

    /// <summary>The targets and options given, then this environment's options that were not given (an option twice is a usage error).</summary>
    private IEnumerable<string> WithDefaults(string[] args)
    {
        var settings = Environment.Settings;
        var defaults = new (string Option, string Value)[]
        {
            ("--environment", "local"),
            ("--local-app-name", settings.App),
            ("--local-state-directory", Environment.StateDirectory),
            ("--local-public-port", Port(settings.PublicPort)),
            ("--local-test-port", Port(settings.TestPort)),
            ("--local-blue-port", Port(settings.BluePort)),
            ("--local-green-port", Port(settings.GreenPort)),
            ("--bake-time", "2s"),
            ("--analysis-interval", "500ms"),
            ("--drain-time", "1s"),
        };
        return args.Concat(defaults.Where(d => !args.Contains(d.Option, StringComparer.Ordinal)).SelectMany(d => new[] { d.Option, d.Value }));
    }

    private void MakeEnvironmentRoot()
    {
        Directory.CreateDirectory(EnvironmentRoot);
        File.WriteAllText(Path.Combine(EnvironmentRoot, "environment-id"), Guid.NewGuid().ToString("N") + "\n");
    }

    private static string Port(int port) => port.ToString(CultureInfo.InvariantCulture);

    /// <summary>The service's own migrate command, as a deploy's MigrateDb runs it, from the assembly this project built.</summary>
    private static async Task MigrateAsync(string databaseUrl)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "App.dll"));
        start.ArgumentList.Add("migrate");
        start.Environment["DATABASE_URL"] = databaseUrl;
        using var process = Process.Start(start)!;
        var (code, output) = await CompiledBuild.WaitAsync(process);
        if (code != 0)
            throw new InvalidOperationException($"migrating the test database failed with exit code {code}: {output}");
    }
}

/// <summary>One run of the build: its exit code, output (standard output, then standard error), wall time, and the deployment.json it wrote.</summary>
internal sealed record BuildRun(int ExitCode, string Output, TimeSpan Took, DeploymentRecord? Record)
{
    /// <summary>The record, which the run must have written.</summary>
    public DeploymentRecord Written => Record ?? throw new Xunit.Sdk.XunitException($"the run wrote no artifacts/deployment.json; output:\n{Output}");

    public override string ToString() => $"exit code {ExitCode} after {Took.TotalSeconds:0.0} s:\n{Output}";
}
