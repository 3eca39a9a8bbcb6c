using Engine.Output;

namespace Engine;

/// <summary>
/// Where every line the build prints goes: redacted, filtered by verbosity, coloured on a terminal, and kept
/// together per target while targets run in parallel. Errors and warnings go to the error writer (standard error),
/// so that <c>./build.sh … &gt; log</c> still shows a failure. One instance per run, reached through <see cref="Current"/>.
/// </summary>
public sealed class BuildOutput
{
    private static readonly AsyncLocal<BuildOutput?> CurrentOutput = new();
    // The process's own stdout, not Console.Out: that may be a RedirectedConsole, which writes back to Current.
    private static readonly BuildOutput Fallback = new(BestEffortStream.Writer(1, Console.OpenStandardOutput), Verbosity.Normal, new SecretMasker(), useColor: false);
    private readonly AsyncLocal<TargetOutputBuffer?> buffer = new();
    private readonly TextWriter writer;
    private readonly TextWriter errorWriter;
    private readonly Lock gate = new();
    private readonly bool useColor;
    private Func<OutputLine, bool>? taker;

    public BuildOutput(TextWriter writer, Verbosity verbosity, SecretMasker secrets, bool useColor, TextWriter? errorWriter = null)
    {
        this.writer = writer;
        this.errorWriter = errorWriter ?? writer;
        this.useColor = useColor;
        Verbosity = verbosity;
        Secrets = secrets;
    }

    public static BuildOutput Current
    {
        get => CurrentOutput.Value ?? Fallback;
        set => CurrentOutput.Value = value;
    }

    public Verbosity Verbosity { get; }
    public SecretMasker Secrets { get; }

    /// <summary>Workflow commands when running on GitHub Actions; null elsewhere.</summary>
    internal GitHubActions? GitHub { get; set; }

    /// <summary>Errors and warnings of the run, replayed before the summary.</summary>
    public List<(LogLevel Level, string Text)> Problems { get; } = [];

    public void Write(LogLevel level, string text)
    {
        if (!IsEnabled(level))
            return;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = Secrets.Redact(rawLine.TrimEnd('\r'));
            if (level >= LogLevel.Warning)
            {
                lock (gate)
                    Problems.Add((level, line));
            }

            Emit(new OutputLine(Colorize(level, line), level >= LogLevel.Warning));
        }
    }

    /// <summary>A line whatever the verbosity (headers, workflow commands); kept with its target like any other.</summary>
    public void WriteLine(string line) => Emit(new OutputLine(Secrets.Redact(line), IsError: false));

    /// <summary>A line for standard error whatever the verbosity: the end-of-build problem list and verdict.</summary>
    public void WriteErrorLine(string line) => Emit(new OutputLine(Secrets.Redact(line), IsError: true));

    /// <summary>A line printed at once, even while this target's output is held back: "started" notes.</summary>
    public void WriteNow(string line) => Flush([new OutputLine(Secrets.Redact(line), IsError: false)]);

    public bool IsEnabled(LogLevel level) => level switch
    {
        LogLevel.Error => true,
        LogLevel.Warning => Verbosity >= Verbosity.Minimal,
        LogLevel.Information => Verbosity >= Verbosity.Normal,
        _ => Verbosity >= Verbosity.Verbose,
    };

    /// <summary>From here on (in this async flow) lines are held back until <see cref="TargetOutputBuffer.Dispose"/>.</summary>
    public TargetOutputBuffer BeginBuffer()
    {
        var target = new TargetOutputBuffer(this);
        buffer.Value = target;
        return target;
    }

    /// <summary>True while this async flow's lines are held back for its target (targets running in parallel).</summary>
    public bool HoldsBack => buffer.Value is { IsOpen: true };

    /// <summary>
    /// Until disposed, finished lines (already redacted) are offered to <paramref name="take"/> before they are written:
    /// a live terminal view that redraws in place prints them above itself, as any other write would break its drawing.
    /// A line it declines (false) is written as before. One taker at a time.
    /// </summary>
    public IDisposable Divert(Func<OutputLine, bool> take)
    {
        lock (gate)
        {
            if (taker is not null)
                throw new InvalidOperationException("the output is already diverted");
            taker = take;
        }

        return new Diversion(this);
    }

    public string Bold(string text) => useColor ? $"\e[1m{text}\e[0m" : text;

    internal void Flush(IReadOnlyList<OutputLine> lines)
    {
        lock (gate)
        {
            foreach (var line in lines)
            {
                if (taker?.Invoke(line) != true)
                    (line.IsError ? errorWriter : writer).WriteLine(line.Text);
            }

            writer.Flush();
            errorWriter.Flush();
        }
    }

    internal void EndDiversion()
    {
        lock (gate)
            taker = null;
    }

    private void Emit(OutputLine line)
    {
        if (buffer.Value is { IsOpen: true } target)
        {
            target.Add(line);
            return;
        }

        Flush([line]);
    }

    private string Colorize(LogLevel level, string line) => !useColor ? line : level switch
    {
        LogLevel.Error => $"\e[31m{line}\e[0m",
        LogLevel.Warning => $"\e[33m{line}\e[0m",
        LogLevel.Debug => $"\e[90m{line}\e[0m",
        _ => line,
    };
}

/// <summary>Ends a <see cref="BuildOutput.Divert"/>.</summary>
internal sealed class Diversion(BuildOutput output) : IDisposable
{
    public void Dispose() => output.EndDiversion();
}

/// <summary>One target's lines while it runs beside others; printed as one block when it ends.</summary>
public sealed class TargetOutputBuffer(BuildOutput output) : IDisposable
{
    private readonly List<OutputLine> lines = [];
    private readonly Lock gate = new();

    public bool IsOpen { get; private set; } = true;

    public void Add(OutputLine line)
    {
        lock (gate)
            lines.Add(line);
    }

    public void Dispose()
    {
        lock (gate)
        {
            if (!IsOpen)
                return;
            IsOpen = false;
            output.Flush(lines);
        }
    }
}

/// <summary>A finished line and the stream it belongs on.</summary>
public sealed record OutputLine(string Text, bool IsError);
