using System.Globalization;
using System.Text;
using Pipeline.Delivery;

namespace Pipeline.Platforms.Local;

/// <summary>What HAProxy starts with: the weights and the test route, from the stored state (runtime changes are not kept).</summary>
internal sealed record RouterStart(TrafficWeights Weights, Color TestColor)
{
    /// <summary>The live color takes all traffic and the test listener reaches the idle one; before any deploy, nothing serves.</summary>
    public static RouterStart From(EnvironmentState state) =>
        state.Live is { } live ? new(TrafficWeights.AllOn(live.Color), live.Color.Other()) : new(new TrafficWeights(0, 0), Color.Blue);
}

/// <summary>
/// haproxy.cfg for one environment: a public listener whose backend weighs the two colors (percent as HAProxy
/// weights), and a test listener whose backend reaches only the color named last (the other in maintenance).
/// </summary>
internal static class HaproxyConfig
{
    public const string PublicBackend = "public";
    public const string TestBackend = "test";

    public static string Render(LocalPlatformSettings settings, string socket, RouterStart start)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"""
            # {settings.Name}: written by the build's local platform from state.json each time it starts HAProxy. Weights, the
            # test route and drains change at run time through the admin socket and are not written back here.
            global
                stats socket {socket} mode 600 level admin
                stats timeout 10s
                # A second HAProxy on these ports fails to bind instead of sharing them (and splitting the traffic).
                noreuseport

            defaults
                mode http
                timeout connect 2s
                timeout client 60s
                timeout server 60s
                timeout http-request 10s
                timeout http-keep-alive 10s
                # Readiness waits up to 3 s for the database: the check must not give up before it does.
                timeout check 4s
                # A request whose connection failed, or that got no answer from a color that stopped under it, goes
                # again to a server that is up, so users do not see a color leave.
                retries 2
                option redispatch 1
                retry-on conn-failure empty-response
                # Checked every second, every half second while down or changing state; one passed check brings a color
                # up, so a color that was down at start serves within half a second of answering (no long fail timeout).
                default-server inter 1s fastinter 500ms downinter 500ms rise 1 fall 2

            frontend public
                bind 127.0.0.1:{settings.PublicPort}
                default_backend {PublicBackend}

            # roundrobin: the one balancing whose weights change at run time, without a reload or a dropped connection.
            backend {PublicBackend}
                balance roundrobin
                option httpchk
                http-check send meth GET uri /health/ready ver HTTP/1.1 hdr Host localhost
                http-check expect status 200

            """);
        foreach (var color in new[] { Color.Blue, Color.Green })
            text.Append(CultureInfo.InvariantCulture, $"    server {color.Name()} 127.0.0.1:{settings.PortOf(color)} weight {start.Weights.For(color)} check\n");
        text.Append(CultureInfo.InvariantCulture, $"""

            frontend test
                bind 127.0.0.1:{settings.TestPort}
                default_backend {TestBackend}

            # Unchecked: a smoke test sees the color's own answers, not HAProxy's opinion of its health.
            backend {TestBackend}

            """);
        foreach (var color in new[] { Color.Blue, Color.Green })
            text.Append(CultureInfo.InvariantCulture, $"    server {color.Name()} 127.0.0.1:{settings.PortOf(color)}{(color == start.TestColor ? "" : " disabled")}\n");
        return text.ToString();
    }
}
