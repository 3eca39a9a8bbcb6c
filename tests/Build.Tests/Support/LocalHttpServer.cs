using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace BuildTests;

/// <summary>
/// An HTTP server on 127.0.0.1 whose answers a test writes as a function of the request, and which records every
/// request it received (method, path, headers, body, the client's port): a service that answers wrongly on purpose,
/// or a webhook that tells what it was sent.
/// </summary>
internal sealed class LocalHttpServer : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly Func<ReceivedRequest, Task<Answer>> answer;
    private readonly CancellationTokenSource stopping = new();
    private readonly Task serving;

    public LocalHttpServer(Func<ReceivedRequest, Task<Answer>> answer)
    {
        this.answer = answer;
        Port = FreePort();
        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        serving = Task.Run(ServeAsync);
    }

    public LocalHttpServer(Func<ReceivedRequest, Answer> answer)
        : this(request => Task.FromResult(answer(request)))
    {
    }

    public int Port { get; }

    public Uri Address => new($"http://127.0.0.1:{Port}/");

    public ConcurrentQueue<ReceivedRequest> Received { get; } = new();

    /// <summary>Cancelled when the server stops, so an answer that waits on purpose (a timeout test) ends with it.</summary>
    public CancellationToken Stopping => stopping.Token;

    public void Dispose()
    {
        stopping.Cancel();
        listener.Close();
        _ = serving.Exception;
        stopping.Dispose();
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => RespondAsync(context));
        }
    }

    private async Task RespondAsync(HttpListenerContext context)
    {
        try
        {
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var request = new ReceivedRequest(
                context.Request.HttpMethod,
                context.Request.Url!.AbsolutePath,
                context.Request.Headers.AllKeys.ToDictionary(key => key!, key => context.Request.Headers[key] ?? "", StringComparer.OrdinalIgnoreCase),
                await reader.ReadToEndAsync(),
                context.Request.RemoteEndPoint.Port);
            Received.Enqueue(request);
            var (status, body, headers) = await answer(request);
            context.Response.StatusCode = status;
            foreach (var (name, value) in headers ?? new Dictionary<string, string>())
                context.Response.Headers[name] = value;
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Response.ContentType = body.StartsWith('{') ? "application/json" : "text/plain";
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or OperationCanceledException or IOException)
        {
            // The client gave up (a timeout test) or the server is stopping.
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    internal sealed record ReceivedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body, int ClientPort);

    internal sealed record Answer(int Status, string Body = "", IReadOnlyDictionary<string, string>? Headers = null);
}
