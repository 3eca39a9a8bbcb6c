using System.Diagnostics;
using System.Text.Json;

namespace BuildTests.Delivery.Smoke;

/// <summary>
/// The real service (the App.dll this test project builds) on Kestrel at a port the system picks, as a process: what
/// the smoke suite meets after a deploy, sockets and all, which an in-memory test server would not be.
/// </summary>
internal sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly List<string> output = [];
    private readonly TaskCompletionSource<Uri> listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServiceProcess(Process process) => this.process = process;

    public Uri Address => listening.Task.Result;

    /// <summary>Starts the service with <paramref name="environment"/> and returns once Kestrel listens.</summary>
    public static async Task<ServiceProcess> StartAsync(IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(DotnetHost(), ["App.dll", "--urls", "http://127.0.0.1:0"])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var name in new[] { "DATABASE_URL", "ConnectionStrings__Default", "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "APP_VERSION", "APP_COMMIT", "APP_COLOR" })
            start.Environment.Remove(name);
        foreach (var (name, value) in environment)
            start.Environment[name] = value;

        var service = new ServiceProcess(new Process { StartInfo = start, EnableRaisingEvents = true });
        service.process.OutputDataReceived += (_, line) => service.Receive(line.Data);
        service.process.ErrorDataReceived += (_, line) => service.Keep(line.Data);
        service.process.Exited += (_, _) => service.listening.TrySetException(new InvalidOperationException($"The service exited before listening:\n{service.Output}"));
        service.process.Start();
        service.process.BeginOutputReadLine();
        service.process.BeginErrorReadLine();
        try
        {
            await service.listening.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch
        {
            await service.DisposeAsync();
            throw;
        }

        return service;
    }

    public string Output
    {
        get
        {
            lock (output)
                return string.Join('\n', output);
        }
    }

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

    /// <summary>Kestrel's "Now listening on" line, as the service's JSON console log writes it, carries the address.</summary>
    private void Receive(string? line)
    {
        if (line is null)
            return;
        Keep(line);
        if (!line.StartsWith('{'))
            return;
        using var entry = JsonDocument.Parse(line);
        if (entry.RootElement.GetProperty("Category").GetString() == "Microsoft.Hosting.Lifetime"
            && entry.RootElement.GetProperty("EventId").GetInt32() == 14
            && entry.RootElement.TryGetProperty("State", out var state)
            && state.TryGetProperty("address", out var address))
            listening.TrySetResult(new Uri(address.GetString()!));
    }

    private void Keep(string? line)
    {
        if (line is null)
            return;
        lock (output)
            output.Add(line);
    }
}
