using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;

namespace App.Tests;

/// <summary>
/// The built App.dll as a real process (`dotnet App.dll`), for behaviour an in-memory host cannot show:
/// signals, process exit, and the JSON log lines on stdout.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly Channel<JsonElement> logs = Channel.CreateUnbounded<JsonElement>();
    private readonly List<string> output = [];

    private AppProcess(Process process) => this.process = process;

    public int ExitCode => process.ExitCode;

    /// <summary>Everything the process printed so far, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return string.Join('\n', output);
            }
        }
    }

    public static AppProcess Start(IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var start = new ProcessStartInfo(DotnetHost(), ["App.dll", "--urls", "http://127.0.0.1:0"])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var name in new[] { "DATABASE_URL", "ConnectionStrings__Default", "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS" })
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var app = new AppProcess(new Process { StartInfo = start });
        app.process.OutputDataReceived += (_, line) => app.Receive(line.Data);
        app.process.ErrorDataReceived += (_, line) => app.Keep(line.Data);
        app.process.Start();
        app.process.BeginOutputReadLine();
        app.process.BeginErrorReadLine();
        return app;
    }

    /// <summary>Waits for the first log line from <paramref name="category"/> with <paramref name="eventId"/>.</summary>
    public async Task<JsonElement> WaitForLogAsync(string category, int eventId, CancellationToken cancellationToken)
    {
        await foreach (var entry in logs.Reader.ReadAllAsync(cancellationToken))
        {
            if (entry.GetProperty("Category").GetString() == category && entry.GetProperty("EventId").GetInt32() == eventId)
            {
                return entry;
            }
        }

        throw new InvalidOperationException($"The app exited without logging {category} event {eventId}:\n{Output}");
    }

    /// <summary>SIGTERM, as an orchestrator stops a container. Process.Kill would send SIGKILL.</summary>
    public async Task TerminateAsync(CancellationToken cancellationToken)
    {
        using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync(cancellationToken);
    }

    public Task WaitForExitAsync(CancellationToken cancellationToken) => process.WaitForExitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private static string DotnetHost() =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";

    private void Receive(string? line)
    {
        if (line is null)
        {
            logs.Writer.TryComplete();
            return;
        }

        Keep(line);
        if (line.StartsWith('{'))
        {
            using var document = JsonDocument.Parse(line);
            logs.Writer.TryWrite(document.RootElement.Clone());
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Add(line);
        }
    }
}
