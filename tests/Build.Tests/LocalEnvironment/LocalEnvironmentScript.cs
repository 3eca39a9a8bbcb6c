using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Engine;

namespace BuildTests.LocalEnvironment;

/// <summary>
/// build/services/local-environment.sh run as a process, on a root folder and ports of its own: the test's
/// environment never reaches the machine's local environment (/var/lib/app-pipeline, ports 5000 and 55432).
/// </summary>
internal sealed class LocalEnvironmentScript
{
    public static readonly AbsolutePath Path = TestPaths.RepositoryRoot / "build" / "services" / "local-environment.sh";

    /// <summary>A root folder that does not exist yet (up creates it), under the temp folder.</summary>
    public AbsolutePath Root { get; } = new(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "local-env-test-" + Guid.NewGuid().ToString("N")[..10]));

    public int RegistryPort { get; } = FreePort();

    public int PostgresPort { get; } = FreePort();

    /// <summary>Variables set for every run on top of the test process's (TRIVY_EXE, DOCKER_HOST …).</summary>
    public Dictionary<string, string> Environment { get; } = [];

    public async Task<(int ExitCode, string Output, string Errors)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path);
        foreach (var argument in args)
            start.ArgumentList.Add(argument);
        start.Environment["APP_LOCAL_ENV_DIR"] = Root;
        start.Environment["APP_LOCAL_BIN_DIR"] = Root / "bin";
        start.Environment["APP_LOCAL_REGISTRY_PORT"] = RegistryPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["APP_LOCAL_POSTGRES_PORT"] = PostgresPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (name, value) in Environment)
            start.Environment[name] = value;

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        return (process.ExitCode, (await output).Replace("\r", "", StringComparison.Ordinal), await errors);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
