using System.Globalization;

namespace Pipeline.Platforms.Local;

/// <summary>
/// A server's administrative state from <c>show servers state &lt;backend&gt;</c>: the flags set by maint or drain
/// (forced, inherited or from the config). Read there, not from <c>show stat</c>, whose status shows DOWN instead
/// of DRAIN once a drained server also fails its checks.
/// </summary>
internal static class ServerAdminState
{
    /// <summary>True when any maintenance or drain flag is set: HAProxy sends the server no new requests, whatever its weight.</summary>
    public static bool TakesNoTraffic(string serversState, string server)
    {
        var lines = serversState.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var header = lines.FirstOrDefault(line => line.StartsWith("# ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"HAProxy's 'show servers state' answered no header: {serversState.Trim()}");
        var columns = header[2..].Split(' ').ToList();
        var row = lines.Where(line => !line.StartsWith('#')).Select(line => line.Split(' '))
            .FirstOrDefault(cells => cells.Length == columns.Count && cells[columns.IndexOf("srv_name")] == server)
            ?? throw new InvalidOperationException($"HAProxy's 'show servers state' has no server {server}");
        return int.Parse(row[columns.IndexOf("srv_admin_state")], NumberStyles.None, CultureInfo.InvariantCulture) != 0;
    }
}
