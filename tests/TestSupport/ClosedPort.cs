using System.Net;
using System.Net.Sockets;

namespace TestSupport;

public static class ClosedPort
{
    /// <summary>A port nothing listens on: the OS hands out a free one, and it is released at once.</summary>
    public static int Find()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
