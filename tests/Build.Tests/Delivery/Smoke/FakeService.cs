using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using static BuildTests.LocalHttpServer;

namespace BuildTests.Delivery.Smoke;

/// <summary>
/// A stand-in for the service on a real socket: it answers as the real one does (health, /version, the notes API),
/// except on the routes a test replaces ("GET /version", "POST /notes", …) to answer wrongly on purpose.
/// </summary>
internal sealed class FakeService : IDisposable
{
    public const string Version = "1.4.0";
    public const string Commit = "3f2a1b2c3d4e5f60718293a4b5c6d7e8f9012345";

    /// <summary>What it serves, as a deploy of it would expect it: its version, its commit, green.</summary>
    public static ExpectedRelease Served { get; } = new(Version, Commit, Color.Green);

    private readonly Dictionary<string, Func<ReceivedRequest, Task<Answer>>> replaced = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, string> notes = new();
    private readonly LocalHttpServer server;

    public FakeService() => server = new LocalHttpServer(AnswerAsync);

    public Uri Address => server.Address;

    public IReadOnlyCollection<ReceivedRequest> Received => server.Received;

    public CancellationToken Stopping => server.Stopping;

    public Func<ReceivedRequest, Answer> this[string route]
    {
        set => replaced[route] = request => Task.FromResult(value(request));
    }

    public void Replace(string route, Func<ReceivedRequest, Task<Answer>> answer) => replaced[route] = answer;

    public void Dispose() => server.Dispose();

    private Task<Answer> AnswerAsync(ReceivedRequest request)
    {
        var route = $"{request.Method} {request.Path}";
        if (replaced.TryGetValue(route, out var answer))
            return answer(request);
        return Task.FromResult(route switch
        {
            "GET /health/live" => new Answer(200, """{"status":"live"}"""),
            "GET /health/ready" => new Answer(200, """{"status":"ready","checks":{"database":{"status":"Healthy"}}}"""),
            "GET /version" => new Answer(200, $$"""{"version":"{{Version}}","commit":"{{Commit}}","color":"green"}"""),
            "POST /notes" => Create(request),
            _ when request.Method == "GET" && request.Path.StartsWith("/notes/", StringComparison.Ordinal) => Read(request.Path["/notes/".Length..]),
            _ => new Answer(404, """{"title":"Not Found"}"""),
        });
    }

    /// <summary>As the service does: the note back with its id, and an absolute Location naming the host it was asked on.</summary>
    private Answer Create(ReceivedRequest request)
    {
        using var sent = JsonDocument.Parse(request.Body);
        var id = notes.Count + 1;
        var note = JsonSerializer.Serialize(new
        {
            id,
            title = sent.RootElement.GetProperty("title").GetString(),
            body = sent.RootElement.GetProperty("body").GetString(),
            createdAt = DateTimeOffset.UtcNow,
        });
        notes[id] = note;
        return new Answer(201, note, new Dictionary<string, string> { ["Location"] = $"http://{request.Headers["Host"]}/notes/{id}" });
    }

    private Answer Read(string id) =>
        int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && notes.TryGetValue(number, out var note)
            ? new Answer(200, note)
            : new Answer(404, $$"""{"title":"Note {{id}} does not exist"}""");
}
