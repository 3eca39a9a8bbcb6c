using System.Text;

namespace Pipeline.Delivery.LiveView;

/// <summary>
/// The bottom of the terminal, redrawn in place: each frame replaces the last in one write (cursor up over the last
/// frame, clear to the end of the screen, the new frame), so an interrupted process never leaves half a table. Lines
/// printed meanwhile go above the frame. The cursor is hidden while drawing and shown again on dispose, and also when
/// the process exits without one (a second Ctrl-C ends it at once). No Spectre.Console here: it only gets text.
/// </summary>
internal sealed class TerminalRegion : IDisposable
{
    private const string HideCursor = "\e[?25l";
    private const string ShowCursor = "\e[?25h";
    private readonly TextWriter terminal;
    private readonly Lock gate = new();
    private string frame = "";
    private int height;
    private bool closed;

    public TerminalRegion(Stream standardOutput)
    {
        terminal = new StreamWriter(standardOutput, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { AutoFlush = false };
        AppDomain.CurrentDomain.ProcessExit += Restore;
        Write(HideCursor);
    }

    /// <summary>Replaces the last frame with <paramref name="text"/>, cut to the terminal's height (a taller one could not be moved over).</summary>
    public void Draw(string text, int rows)
    {
        var lines = text.TrimEnd('\n').Split('\n');
        if (lines.Length > rows - 1)
            lines = [.. lines.Take(Math.Max(1, rows - 2)), "…"];
        lock (gate)
        {
            frame = string.Join('\n', lines) + "\n";
            Write(Erase() + frame);
            height = lines.Length;
        }
    }

    /// <summary>Lines that are not the frame (the build's log): printed where the frame was, and the frame again below them.</summary>
    public void Above(string line)
    {
        lock (gate)
        {
            Write(Erase() + line + "\n" + frame);
            height = frame.Count(c => c == '\n');
        }
    }

    /// <summary>Something else wrote below the frame (the terminal's ^C echo): the next frame goes below it, leaving the last one whole.</summary>
    public void Detach()
    {
        lock (gate)
            height = 0;
    }

    public void Dispose()
    {
        AppDomain.CurrentDomain.ProcessExit -= Restore;
        Restore(null, EventArgs.Empty);
    }

    private string Erase() => height > 0 ? $"\e[{height}A\r\e[J" : "";

    private void Restore(object? sender, EventArgs e)
    {
        lock (gate)
        {
            Write(ShowCursor);
            closed = true;
        }
    }

    private void Write(string text)
    {
        if (closed)
            return;
        try
        {
            terminal.Write(text);
            terminal.Flush();
        }
        catch (IOException)
        {
            // The terminal went away (closed window): the deploy goes on, there is just nobody to show it to.
            closed = true;
        }
    }
}
