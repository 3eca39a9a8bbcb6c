using System.Diagnostics;
using System.Net.Http.Json;

namespace BuildTests.Delivery.Local;

/// <summary>
/// A steady client, as wrk would be: a few keep-alive connections, each sending GET /version at a fixed pace, counting
/// answers by the color that gave them and every failed request (a non-2xx status or no answer at all).
/// </summary>
internal sealed class LoadGenerator : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly HttpClient http;
    private readonly Task[] workers;
    private readonly Dictionary<string, int> byColor = [];
    private readonly List<string> failures = [];

    public LoadGenerator(Uri address, int connections, int requestsPerSecond)
    {
        http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) })
        {
            Timeout = TimeSpan.FromSeconds(10),
        };
        var pause = TimeSpan.FromSeconds(connections / (double)requestsPerSecond);
        workers = [.. Enumerable.Range(0, connections).Select(_ => Task.Run(() => RunAsync(new Uri(address, "version"), pause)))];
    }

    public int Requests { get; private set; }

    public IReadOnlyList<string> Failures => failures;

    public IReadOnlyDictionary<string, int> ByColor => byColor;

    /// <summary>How many answers the color gave so far; safe while the load runs.</summary>
    public int AnsweredBy(string color)
    {
        lock (failures)
            return byColor.GetValueOrDefault(color);
    }

    public double RequestsPerSecond => Requests / clock.Elapsed.TotalSeconds;

    public async Task StopAsync()
    {
        await stop.CancelAsync();
        await Task.WhenAll(workers);
        clock.Stop();
    }

    public async ValueTask DisposeAsync()
    {
        if (!stop.IsCancellationRequested)
            await StopAsync();
        http.Dispose();
        stop.Dispose();
    }

    private async Task RunAsync(Uri address, TimeSpan pause)
    {
        var next = clock.Elapsed;
        while (!stop.IsCancellationRequested)
        {
            string outcome;
            try
            {
                using var response = await http.GetAsync(address, CancellationToken.None);
                outcome = response.IsSuccessStatusCode
                    ? (await response.Content.ReadFromJsonAsync<Dictionary<string, string>>())!["color"]
                    : $"failed: {(int)response.StatusCode} at {clock.Elapsed.TotalSeconds:0.00} s";
            }
            catch (HttpRequestException e)
            {
                outcome = $"failed: {e.Message} at {clock.Elapsed.TotalSeconds:0.00} s";
            }

            lock (failures)
            {
                Requests++;
                if (outcome.StartsWith("failed: ", StringComparison.Ordinal))
                    failures.Add(outcome);
                else
                    byColor[outcome] = byColor.GetValueOrDefault(outcome) + 1;
            }

            next += pause;
            if (next > clock.Elapsed)
                await Task.Delay(next - clock.Elapsed, CancellationToken.None);
        }
    }
}
