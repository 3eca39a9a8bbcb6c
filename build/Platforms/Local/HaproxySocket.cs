using System.Net.Sockets;
using System.Text;
using Engine;

namespace Pipeline.Platforms.Local;

/// <summary>
/// HAProxy's admin socket (stats socket … level admin), spoken to directly: one command per connection, the answer
/// read until HAProxy closes it (its non-interactive mode). No socat: the build needs nothing HAProxy does not bring.
/// </summary>
internal sealed class HaproxySocket(AbsolutePath path)
{
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(5);

    public AbsolutePath Path => path;

    /// <summary>The answer's text. A socket nobody listens on throws <see cref="SocketException"/>; a silent HAProxy, one line.</summary>
    public async Task<string> SendAsync(string command, CancellationToken cancellation)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(AnswerTimeout);
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), timeout.Token);
            await socket.SendAsync(Encoding.ASCII.GetBytes(command + "\n"), timeout.Token);
            var answer = new StringBuilder();
            var buffer = new byte[16 * 1024];
            int read;
            while ((read = await socket.ReceiveAsync(buffer, timeout.Token)) > 0)
                answer.Append(Encoding.ASCII.GetString(buffer, 0, read));
            return answer.ToString();
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            throw new InvalidOperationException($"HAProxy's admin socket {path} did not answer '{command}' within {AnswerTimeout.TotalSeconds:0} s");
        }
    }
}
