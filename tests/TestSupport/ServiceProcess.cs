using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;

namespace TestSupport;

/// <summary>
/// The service as a real process (<c>dotnet App.dll</c>, the App.dll the test project builds next to itself), for what
/// an in-memory host cannot show: sockets, signals, the exit code and the JSON log lines on stdout. Kestrel binds
/// port 0, so the system picks a free port at bind time (no window in which another process can take it), and the
/// address is read from the service's "Now listening on" log line. Disposing kills the whole process tree.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    // The service reads these; the test's own environment decides them, not the shell that ran the tests.
    private static readonly string[] Inherited =
        ["DATABASE_URL", "DATABASE_HOST", "ConnectionStrings__Default", "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "APP_VERSION", "APP_COMMIT", "APP_COLOR"];

    private readonly Process process;
    private readonly Channel<JsonElement> logs = Channel.CreateUnbounded<JsonElement>();
    private readonly TaskCompletionSource<Uri> listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> output = [];
    private bool started;

    private ServiceProcess(Process process) => this.process = process;

    public int ExitCode => process.ExitCode;

    /// <summary>Where Kestrel listens, e.g. http://127.0.0.1:40123/; known once <see cref="StartListeningAsync"/> returned.</summary>
    public Uri Address => listening.Task.IsCompletedSuccessfully
        ? listening.Task.Result
        : throw new InvalidOperationException("The service is not listening yet: start it with StartListeningAsync.");

    /// <summary>Everything the process printed so far (stdout and stderr as they arrived), for failure messages.</summary>
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

    /// <summary>Starts the service with <paramref name="environment"/> and returns at once, before it listens (or exits).</summary>
    public static ServiceProcess Start(IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var start = new ProcessStartInfo(DotnetHost(), ["App.dll", "--urls", "http://127.0.0.1:0"])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var name in Inherited)
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var service = new ServiceProcess(new Process { StartInfo = start });
        service.process.OutputDataReceived += (_, line) => service.Receive(line.Data);
        service.process.ErrorDataReceived += (_, line) => service.Keep(line.Data);
        try
        {
            service.started = service.process.Start();
            service.process.BeginOutputReadLine();
            service.process.BeginErrorReadLine();
        }
        catch
        {
            // Start cannot await; the kill is sent, and what is left of the tree is the system's to reap.
            service.KillTree();
            service.process.Dispose();
            throw;
        }

        return service;
    }

    /// <summary>
    /// Starts the service and returns once Kestrel listens. When it exits first or does not listen in time, it is
    /// stopped and the exception carries everything it printed.
    /// </summary>
    public static async Task<ServiceProcess> StartListeningAsync(IReadOnlyDictionary<string, string> environment)
    {
        var service = Start(environment);
        try
        {
            using var deadline = new CancellationTokenSource(StartTimeout);
            var exited = service.process.WaitForExitAsync(deadline.Token);
            var first = await Task.WhenAny(service.listening.Task, exited);
            if (first == service.listening.Task)
            {
                return service;
            }

            // Awaiting the exit wait rethrows its cancellation when the deadline, not the process, ended it.
            await exited;
            throw new InvalidOperationException($"The service exited with code {service.ExitCode} before listening:\n{service.Output}");
        }
        catch (OperationCanceledException)
        {
            await service.DisposeAsync();
            throw new TimeoutException($"The service did not listen within {StartTimeout.TotalSeconds:0} s:\n{service.Output}");
        }
        catch
        {
            await service.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits for the first log line from <paramref name="category"/> with <paramref name="eventId"/>.</summary>
    public async Task<JsonElement> WaitForLogAsync(string category, int eventId, CancellationToken cancellationToken)
    {
        await foreach (var entry in logs.Reader.ReadAllAsync(cancellationToken))
        {
            if (ServiceLog.IsEvent(entry, category, eventId))
            {
                return entry;
            }
        }

        throw new InvalidOperationException($"The service exited without logging {category} event {eventId}:\n{Output}");
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
        if (KillTree())
        {
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    /// <summary>Kills the process and everything it started, if it still runs; says whether it did.</summary>
    private bool KillTree()
    {
        if (!started || process.HasExited)
        {
            return false;
        }

        process.Kill(entireProcessTree: true);
        return true;
    }

    // The test host's own dotnet, so the service runs on the runtime the tests run on.
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
        if (ServiceLog.Parse(line) is not { } entry)
        {
            return;
        }

        logs.Writer.TryWrite(entry);
        if (ServiceLog.ListeningAddress(entry) is { } address)
        {
            listening.TrySetResult(address);
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
