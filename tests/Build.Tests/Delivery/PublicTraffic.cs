using System.Diagnostics;
using System.Text.Json;

namespace BuildTests.Delivery;

/// <summary>
/// Users of the public listener while the build deploys, aborts or rolls back: a few keep-alive connections, each
/// sending GET /version at a steady pace. A 200 counts for the color it names. A 500 with the APP_FAULT body is the
/// faulty release's own deliberate answer (only that color has the fault), counted apart: the deploy exists to limit
/// those. Anything else is a failed request a user would have seen: another status (HAProxy's 503 when no server is
/// up, a 5xx of a healthy color), a connection error, a timeout.
/// </summary>
internal sealed class PublicTraffic : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly HttpClient http;
    private readonly Task[] workers;
    private readonly Dictionary<string, int> byColor = [];
    private readonly List<string> failures = [];
    private int requests;
    private int deliberateFaults;

    public PublicTraffic(Uri publicAddress, int connections = 4, int requestsPerSecond = 60)
    {
        http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) })
        {
            Timeout = TimeSpan.FromSeconds(10),
        };
        var pause = TimeSpan.FromSeconds(connections / (double)requestsPerSecond);
        var version = new Uri(publicAddress, "version");
        workers = [.. Enumerable.Range(0, connections).Select(_ => Task.Run(() => RunAsync(version, pause)))];
    }

    public int Requests => Locked(() => requests);

    /// <summary>Deliberate 500s of the faulty release (see the class summary).</summary>
    public int DeliberateFaults => Locked(() => deliberateFaults);

    /// <summary>What users saw fail, each with when (seconds since the traffic started).</summary>
    public IReadOnlyList<string> Failures => Locked(() => failures.ToList());

    public IReadOnlyDictionary<string, int> ByColor => Locked(() => new Dictionary<string, int>(byColor));

    public int AnsweredBy(string color) => Locked(() => byColor.GetValueOrDefault(color));

    public double RequestsPerSecond => Requests / clock.Elapsed.TotalSeconds;

    public override string ToString() =>
        $"{Requests} requests at {RequestsPerSecond:0}/s: {string.Join(", ", ByColor.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}"))}, "
        + $"{DeliberateFaults} deliberate 500s of the faulty release, {Failures.Count} failed" + (Failures.Count > 0 ? $" ({string.Join("; ", Failures.Take(5))})" : "");

    /// <summary>Waits until every connection has had an answer, so the traffic is flowing before the build starts.</summary>
    public async Task FlowingAsync()
    {
        while (Requests < workers.Length * 2)
            await Task.Delay(20);
    }

    /// <summary>Users keep coming a little after the build ended: what it left behind (a stopped color, a drained one) must serve them too.</summary>
    public async Task StopAfterAsync(TimeSpan after)
    {
        await Task.Delay(after);
        await StopAsync();
    }

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

    private async Task RunAsync(Uri version, TimeSpan pause)
    {
        var next = clock.Elapsed;
        while (!stop.IsCancellationRequested)
        {
            var outcome = await SendAsync(version);
            lock (failures)
            {
                requests++;
                switch (outcome)
                {
                    case Outcome.Deliberate:
                        deliberateFaults++;
                        break;
                    case Outcome.Failed failed:
                        failures.Add($"{failed.What} at {clock.Elapsed.TotalSeconds:0.00} s");
                        break;
                    case Outcome.Answered answered:
                        byColor[answered.Color] = byColor.GetValueOrDefault(answered.Color) + 1;
                        break;
                }
            }

            next += pause;
            if (next > clock.Elapsed)
                await Task.Delay(next - clock.Elapsed, CancellationToken.None);
        }
    }

    private async Task<Outcome> SendAsync(Uri version)
    {
        try
        {
            using var response = await http.GetAsync(version, CancellationToken.None);
            var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
            if (response.IsSuccessStatusCode)
                return new Outcome.Answered(JsonDocument.Parse(body).RootElement.GetProperty("color").GetString() ?? "none");
            return (int)response.StatusCode == 500 && body.Contains("APP_FAULT is set", StringComparison.Ordinal)
                ? new Outcome.Deliberate()
                : new Outcome.Failed($"{(int)response.StatusCode} {Start(body)}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException or KeyNotFoundException)
        {
            return new Outcome.Failed($"{e.GetType().Name}: {e.Message}");
        }
    }

    private static string Start(string body)
    {
        var line = body.ReplaceLineEndings(" ");
        return line.Length <= 80 ? line : line[..80] + "…";
    }

    private T Locked<T>(Func<T> read)
    {
        lock (failures)
            return read();
    }

    private abstract record Outcome
    {
        public sealed record Answered(string Color) : Outcome;

        public sealed record Deliberate : Outcome;

        public sealed record Failed(string What) : Outcome;
    }
}
