using System.Collections.Concurrent;
using System.Text;
using Engine.Running;

namespace Engine.Output;

/// <summary>
/// Installed as Console.Out and Console.Error for a real run, so that text a target prints with Console.Write
/// is redacted and kept with its target like any logged line. Text is passed on a whole line at a time; what a
/// target printed without a final newline is passed on when the target ends (<see cref="Flush"/>).
/// </summary>
internal sealed class RedirectedConsole(LogLevel level) : TextWriter
{
    private static readonly object OutsideTargets = new();

    // Per target, not per async flow: an await inside the target would otherwise start a fresh partial line.
    private readonly ConcurrentDictionary<object, StringBuilder> partialLines = new();

    public override Encoding Encoding => Encoding.UTF8;

    private static object Owner => (object?)TargetRunner.Current ?? OutsideTargets;

    public override void Write(char value)
    {
        var line = partialLines.GetOrAdd(Owner, _ => new StringBuilder());
        lock (line)
        {
            if (value != '\n')
            {
                line.Append(value);
                return;
            }

            BuildOutput.Current.Write(level, line.ToString());
            line.Clear();
        }
    }

    public override void Write(string? value)
    {
        foreach (var c in value ?? "")
            Write(c);
    }

    /// <summary>Passes on the current target's unfinished line, if any.</summary>
    public override void Flush()
    {
        if (!partialLines.TryRemove(Owner, out var line))
            return;
        lock (line)
        {
            if (line.Length > 0)
                BuildOutput.Current.Write(level, line.ToString());
        }
    }
}
