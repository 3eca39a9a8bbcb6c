using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using App.Configuration;
using App.Migrating.Compatibility;
using Npgsql;

namespace App.Migrating;

/// <summary>
/// <c>dotnet App.dll migrate …</c>: the service migrating its own database with the scripts built into it, so the
/// image that will serve is the one that migrates. Plain lines on stdout; each problem one line on stderr; exit code
/// 0 done, 1 the migration failed or would break the serving version, 2 bad usage or configuration (nothing touched).
/// </summary>
public static class MigrateCommand
{
    private static readonly JsonSerializerOptions ReportJson = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>As a process: configuration like the service's, Ctrl-C and SIGTERM cancel (rolling back the running script).</summary>
    public static async Task<int> RunProcessAsync(string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        void Cancel(PosixSignalContext signal)
        {
            signal.Cancel = true;
            cancellation.Cancel();
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        return await RunAsync(args, configuration, Console.Out, Console.Error, cancellation.Token);
    }

    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args is ["--help"] or ["-h"])
        {
            await output.WriteLineAsync(MigrateOptions.Usage);
            return 0;
        }

        try
        {
            var options = MigrateOptions.Parse(args);
            var settings = DatabaseSettings.FromConfiguration(configuration);
            var connectionString = settings.ConnectionString
                ?? throw new MigrationUsageException($"no database is configured: set {DatabaseSettings.UrlVariable}");
            var scripts = ScriptSet.Load(options.MigrationsDirectory is { } directory ? ScriptSource.FromDirectory(directory) : ScriptSource.Embedded());
            var migrator = new Migrator(connectionString, settings.Describe(), scripts, output)
            {
                Baseline = Baseline.NotesStartupSchema,
                LockTimeout = options.LockTimeout,
                CheckLockTimeout = options.Check ? options.CheckLockTimeout : null,
                RequiredHost = options.RequiredHost,
            };
            var report = await migrator.RunAsync(options.Mode, options.Target, cancellationToken);
            if (options.ReportFile is { } file)
            {
                await File.WriteAllTextAsync(file, JsonSerializer.Serialize(report, ReportJson), cancellationToken);
            }

            return await ConcludeAsync(report, output, error);
        }
        catch (Exception e) when (e is MigrationUsageException or InvalidSettingException)
        {
            await error.WriteLineAsync($"migrate: {e.Message}");
            return 2;
        }
        catch (Exception e) when (e is MigrationException or NpgsqlException)
        {
            foreach (var line in e.Message.Split(Environment.NewLine))
            {
                await error.WriteLineAsync($"migrate: {line}");
            }

            return 1;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("migrate: cancelled; the script that was running was rolled back unless it runs outside a transaction");
            return 1;
        }
    }

    // The check of --check has said what it allowed already, before the scripts were applied.
    private static async Task<int> ConcludeAsync(MigrationReport report, TextWriter output, TextWriter error)
    {
        var allowed = report.Findings.Where(finding => finding.Contract).ToList();
        var breaking = report.Findings.Where(finding => !finding.Contract).ToList();
        if (report.Mode == MigrateMode.CheckCompatibility)
        {
            foreach (var finding in allowed)
            {
                await output.WriteLineAsync(finding.ToString());
            }
        }

        if (breaking.Count > 0)
        {
            foreach (var finding in breaking)
            {
                await error.WriteLineAsync($"migrate: {finding}");
            }

            var stopped = report.Mode == MigrateMode.CheckCompatibility ? "" : "; nothing was applied";
            await error.WriteLineAsync($"migrate: {breaking.Count} change(s) would break the version now serving: {CompatibilityFinding.Advice}{stopped}");
            return 1;
        }

        await output.WriteLineAsync(report.Mode switch
        {
            MigrateMode.Migrate when report.Applied.Count > 0 => $"migrated V{report.VersionBefore} to V{report.VersionAfter} in {report.DurationMs} ms",
            MigrateMode.CheckCompatibility => CompatibilityFinding.Verdict(allowed),
            MigrateMode.Migrate => $"up to date at V{report.VersionAfter}",
            _ => $"nothing applied ({report.Mode.ToString().ToLowerInvariant()})",
        });
        return 0;
    }
}
