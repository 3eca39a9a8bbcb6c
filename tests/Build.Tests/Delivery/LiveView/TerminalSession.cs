using System.Diagnostics;
using System.Globalization;

namespace BuildTests.Delivery.LiveView;

/// <summary>
/// A command run in a terminal as a person runs it: a detached tmux session of a given size, on a tmux server of its
/// own (never the user's), whose screen is read with capture-pane. The pane stays after the command ends (a sleep, not
/// tmux's dead pane, which resets the cursor's state), so its last screen, cursor and exit code can be read. Killed
/// with its server on dispose.
/// </summary>
internal sealed class TerminalSession : IDisposable
{
    private readonly string server = "liveview-" + Guid.NewGuid().ToString("N")[..8];
    private readonly string exitFile = Path.Combine(Path.GetTempPath(), $"liveview-exit-{Guid.NewGuid():N}");

    /// <summary>Runs <paramref name="command"/> in <paramref name="directory"/> with exactly <paramref name="variables"/> changed (null removes one).</summary>
    public TerminalSession(string directory, IReadOnlyDictionary<string, string?> variables, IEnumerable<string> command, int width = 160, int height = 50)
    {
        // env takes its options (-u) before the first assignment.
        var assignments = variables.Where(v => v.Value is null).Select(v => "-u " + Quote(v.Key))
            .Concat(variables.Where(v => v.Value is not null).Select(v => Quote($"{v.Key}={v.Value}")));
        var script = $"cd {Quote(directory)} && env {string.Join(' ', assignments)} {string.Join(' ', command.Select(Quote))}; echo $? > {Quote(exitFile)}; exec sleep 600";
        Tmux("new-session", "-d", "-x", Number(width), "-y", Number(height), "bash", "-c", script);
    }

    /// <summary>The command's exit code once it ended, else null.</summary>
    public int? ExitCode => File.Exists(exitFile) && File.ReadAllText(exitFile).Trim() is { Length: > 0 } code ? int.Parse(code, CultureInfo.InvariantCulture) : null;

    /// <summary>What is on the screen now, as text.</summary>
    public string Screen() => Tmux("capture-pane", "-p");

    /// <summary>Everything the pane printed so far, the scrolled-off lines included.</summary>
    public string History() => Tmux("capture-pane", "-p", "-S", "-");

    /// <summary>Whether the terminal shows its cursor now.</summary>
    public bool CursorShown => Tmux("display-message", "-p", "#{cursor_flag}").Trim() == "1";

    /// <summary>Ctrl-C typed into the terminal.</summary>
    public void Interrupt() => Tmux("send-keys", "C-c");

    /// <summary>Polls the screen until <paramref name="shows"/> holds; fails with the last screen when the time passes or the command ends first.</summary>
    public async Task<string> UntilScreenAsync(Func<string, bool> shows, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var screen = Screen();
            if (shows(screen))
                return screen;
            if (clock.Elapsed > timeout || ExitCode is not null)
                throw new Xunit.Sdk.XunitException($"the terminal never showed {what} ({(ExitCode is { } code ? $"the command ended with {code}" : $"{timeout.TotalSeconds:0} s passed")}); its screen:\n{screen}\nits history:\n{History()}");
            await Task.Delay(200);
        }
    }

    public async Task<int> UntilExitAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (ExitCode is null)
        {
            if (clock.Elapsed > timeout)
                throw new Xunit.Sdk.XunitException($"the command did not end within {timeout.TotalSeconds:0} s; its screen:\n{Screen()}");
            await Task.Delay(200);
        }

        return ExitCode.Value;
    }

    public void Dispose()
    {
        try
        {
            Tmux("kill-server");
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        File.Delete(exitFile);
    }

    private string Tmux(params string[] args)
    {
        var start = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-L", server }.Concat(args))
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"tmux {string.Join(' ', args)}: exit code {process.ExitCode}: {errors}");
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
