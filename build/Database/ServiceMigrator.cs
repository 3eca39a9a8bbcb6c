using System.Text.Json;
using Engine;
using Pipeline.Tools;

namespace Pipeline.Database;

/// <summary>
/// The service's own migrator, <c>dotnet App.dll migrate</c>, run against a database: the same code and scripts that a
/// deployed image runs. Its problems arrive as "migrate: …" lines on standard error and become this exception's message.
/// </summary>
internal sealed class ServiceMigrator(AbsolutePath assembly, AbsolutePath migrations, AbsolutePath workDirectory)
{
    private static readonly JsonSerializerOptions ReportJson = new(JsonSerializerDefaults.Web);

    /// <summary>The given built service, or the project built now; the migrations folder must exist either way.</summary>
    public static async Task<ServiceMigrator> PrepareAsync(
        AbsolutePath? builtAssembly, AbsolutePath project, Configuration configuration, AbsolutePath migrations, AbsolutePath workDirectory, CancellationToken cancellation)
    {
        if (!Directory.Exists(migrations))
            throw new InvalidOperationException($"The migrations folder {migrations} does not exist: pass --migrations-directory, or override ServiceProject.");
        if (builtAssembly is not null && !File.Exists(builtAssembly))
            throw new InvalidOperationException($"The service assembly {builtAssembly} does not exist: build it first, or leave out --service-assembly.");
        if (builtAssembly is null)
            Log.Information($"Building {project.Name} ({configuration}) for its migrate command…");
        var assembly = builtAssembly ?? await DotNet.BuildForTargetPath(project, configuration, cancellation);
        return new ServiceMigrator(assembly, migrations, workDirectory.CreateDirectory());
    }

    /// <summary>Runs <c>migrate</c> with <paramref name="options"/> against <paramref name="databaseUrl"/>; the report it wrote.</summary>
    public async Task<ServiceReport> RunAsync(string databaseUrl, IEnumerable<string> options, CancellationToken cancellation)
    {
        var report = workDirectory / $"migrate-{Guid.NewGuid():N}.json";
        try
        {
            var result = await ToolRunner.RunUncheckedAsync(
                new ToolInvocation("dotnet", [assembly, "migrate", "--migrations", migrations, "--report", report, .. options])
                {
                    // The service reads ConnectionStrings__Default when DATABASE_URL is missing: it must not pick up another database.
                    Environment = new Dictionary<string, string?> { ["DATABASE_URL"] = databaseUrl, ["ConnectionStrings__Default"] = null },
                },
                cancellation);
            if (result.ExitCode != 0)
                throw new InvalidOperationException(Problems(result));
            return JsonSerializer.Deserialize<ServiceReport>(await File.ReadAllTextAsync(report, cancellation), ReportJson)!;
        }
        finally
        {
            File.Delete(report);
        }
    }

    private static string Problems(ToolResult result)
    {
        var lines = result.Errors.Where(line => line.StartsWith("migrate: ", StringComparison.Ordinal)).Select(line => line["migrate: ".Length..]).ToList();
        return lines.Count > 0
            ? string.Join(Environment.NewLine, lines)
            : $"the service's migrate command exited with code {result.ExitCode}: {string.Join(" ", result.Errors.TakeLast(5))}";
    }
}
