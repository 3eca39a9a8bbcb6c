using System.Diagnostics;
using TestSupport;

namespace App.Tests.Migrating;

/// <summary>One run of <c>dotnet App.dll migrate …</c> as a process, as a deploy runs it: exit code and both streams.</summary>
public sealed record MigrateRun(int ExitCode, string Output, string Errors)
{
    public string All => Output + Errors;

    public static Task<MigrateRun> StartAsync(string databaseUrl, params string[] args) =>
        StartAsync(new Dictionary<string, string> { ["DATABASE_URL"] = databaseUrl }, args);

    /// <summary>With exactly these of the database variables (DATABASE_URL, DATABASE_HOST, ConnectionStrings__Default) set.</summary>
    public static async Task<MigrateRun> StartAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(args);
        var start = new ProcessStartInfo(DotnetHost(), ["App.dll", "migrate", .. args])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var inherited in new[] { "DATABASE_URL", "DATABASE_HOST", "ConnectionStrings__Default" })
            start.Environment.Remove(inherited);
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var guard = HangGuard.Start();
        await process.WaitForExitAsync(guard.Token);
        return new MigrateRun(process.ExitCode, await output, await errors);
    }

    public override string ToString() => $"exit code {ExitCode}\n{Output}{Errors}";

    private static string DotnetHost() =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
}
