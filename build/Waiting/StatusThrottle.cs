namespace Pipeline.Waiting;

/// <summary>
/// When a waiting status line is worth writing: when it is news (what is awaited or what was seen changed), otherwise
/// once the interval has passed since the last one, so a long wait shows it is alive without a line per look. The
/// caller says what the news is: the line without its elapsed time, since two lines differing only in that say nothing new.
/// </summary>
public sealed class StatusThrottle(IDeployClock clock, TimeSpan interval)
{
    private DateTimeOffset lastWritten = DateTimeOffset.MinValue;
    private string? lastLine;
    private string? lastNews;

    /// <summary>True when <paramref name="line"/> is due, and then remembered as written.</summary>
    public bool Due(string line, string news)
    {
        var now = clock.UtcNow;
        if (line == lastLine || (now - lastWritten < interval && news == lastNews))
            return false;
        (lastWritten, lastLine, lastNews) = (now, line, news);
        return true;
    }

    /// <summary>Another line was written in between: the next status is news again, whatever it says.</summary>
    public void Forget() => (lastLine, lastNews) = (null, null);
}
