using System.Globalization;

namespace Pipeline.Platforms.Local;

/// <summary>
/// One server's line of HAProxy's <c>show stat</c> (CSV): its state as HAProxy sees it (status, last health check)
/// and its cumulative traffic (sessions, 5xx answers, failures) with the mean response time of its last 1024 requests.
/// </summary>
internal sealed record ServerStats(string Backend, string Server, string Status, int Weight, long CurrentSessions, long TotalSessions, long Responses5xx,
    long ConnectionErrors, long ResponseErrors, long ResponseTimeMs, string CheckStatus, string CheckCode, string CheckDescription)
{
    /// <summary>UP, and its latest check passed: "UP 1/2" (one check failed) or a check still initialising is not healthy yet.</summary>
    public bool IsHealthy => Status == "UP" && CheckStatus == "L7OK";

    /// <summary>"DOWN, check L7STS 503 (Layer7 wrong status)": how HAProxy sees it, for a status line.</summary>
    public string Describe() =>
        CheckStatus.Length == 0 ? Status : $"{Status}, check {CheckStatus}{(CheckCode.Length > 0 ? " " + CheckCode : "")}{(CheckDescription.Length > 0 ? $" ({CheckDescription})" : "")}";

    /// <summary>The server lines of <c>show stat</c> (not FRONTEND/BACKEND), by the header's column names.</summary>
    public static IReadOnlyList<ServerStats> Parse(string csv)
    {
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var header = lines.FirstOrDefault(line => line.StartsWith("# ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"HAProxy's 'show stat' answered no CSV header: {csv.Trim()}");
        var columns = header[2..].Split(',').Select((name, index) => (name, index)).ToDictionary(c => c.name, c => c.index);
        return lines.Where(line => !line.StartsWith('#'))
            .Select(line => line.Split(','))
            .Where(cells => cells.Length >= columns.Count - 1 && cells[columns["svname"]] is not ("FRONTEND" or "BACKEND"))
            .Select(cells =>
            {
                string Text(string name) => cells[columns[name]].Trim().TrimStart('*', ' ');
                long Number(string name) => long.TryParse(Text(name), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
                return new ServerStats(Text("pxname"), Text("svname"), Text("status"), (int)Number("weight"), Number("scur"), Number("stot"), Number("hrsp_5xx"),
                    Number("econ"), Number("eresp"), Number("rtime"), Text("check_status"), Text("check_code"), Text("check_desc"));
            })
            .ToList();
    }
}
