using System.Net;
using System.Net.Sockets;
using System.Text;

namespace BuildTests.Aws;

/// <summary>
/// A small HTTP server on 127.0.0.1 that answers each request with the next scripted answer (the last one repeats), and
/// counts the requests: a throttling or failing AWS endpoint for the retry tests.
/// </summary>
internal sealed class ScriptedHttpServer : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly Queue<(HttpStatusCode Status, string Body, string? ErrorType)> answers;
    private readonly Task serving;

    public ScriptedHttpServer(params (HttpStatusCode Status, string Body, string? ErrorType)[] script)
    {
        answers = new Queue<(HttpStatusCode, string, string?)>(script);
        Port = FreePort();
        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        serving = Task.Run(Serve);
    }

    public int Port { get; }
    public Uri Endpoint => new($"http://127.0.0.1:{Port}/");
    public int Requests { get; private set; }

    /// <summary>The X-Amz-Target and Authorization headers of the requests, in order.</summary>
    public List<(string? Target, string? Authorization)> Seen { get; } = [];

    public void Dispose()
    {
        listener.Close();
        _ = serving.Exception;
    }

    private async Task Serve()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            Requests++;
            Seen.Add((context.Request.Headers["X-Amz-Target"], context.Request.Headers["Authorization"]));
            var (status, body, errorType) = answers.Count > 1 ? answers.Dequeue() : answers.Peek();
            context.Response.StatusCode = (int)status;
            context.Response.Headers["x-amzn-RequestId"] = $"req-{Requests}";
            if (errorType is not null)
                context.Response.Headers["x-amzn-ErrorType"] = errorType;
            var bytes = Encoding.UTF8.GetBytes(body);
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
