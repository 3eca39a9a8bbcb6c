using System.Text;

namespace Engine.Output;

/// <summary>
/// Installed as Console.Out and Console.Error for a real run, so that text a target prints with Console.Write
/// is redacted and kept with its target like any logged line. Text is passed on a whole line at a time.
/// </summary>
internal sealed class RedirectedConsole(LogLevel level) : TextWriter
{
    private readonly AsyncLocal<StringBuilder?> partialLine = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        var line = partialLine.Value ??= new StringBuilder();
        if (value == '\n')
        {
            BuildOutput.Current.Write(level, line.ToString());
            line.Clear();
        }
        else
        {
            line.Append(value);
        }
    }

    public override void Write(string? value)
    {
        foreach (var c in value ?? "")
            Write(c);
    }

    public override void Flush()
    {
        if (partialLine.Value is { Length: > 0 } line)
        {
            BuildOutput.Current.Write(level, line.ToString());
            line.Clear();
        }
    }
}
