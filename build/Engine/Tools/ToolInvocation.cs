namespace Engine;

/// <summary>One run of an external tool: what to start and how. Arguments are passed as-is, never through a shell.</summary>
public sealed record ToolInvocation(string Executable, IReadOnlyList<string> Arguments)
{
    public string? WorkingDirectory { get; init; }

    /// <summary>Added to (or, with a null value, removed from) the inherited environment.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    public TimeSpan? Timeout { get; init; }

    /// <summary>Stream each output line to the log as it arrives (redacted). Off for tools whose output is data.</summary>
    public bool LogOutput { get; init; } = true;

    /// <summary>Text written to the tool's standard input, then closed.</summary>
    public string? StandardInput { get; init; }

    /// <summary>
    /// The command line as shown to users, secrets masked in each argument before it is quoted: quoting changes a
    /// secret's text (it's → 'it'\''s') so that masking the finished line could no longer find it.
    /// </summary>
    public string CommandLine => string.Join(" ", new[] { Executable }.Concat(Arguments.Select(a => Quote(BuildOutput.Current.Secrets.Redact(a)))));

    private static string Quote(string argument) =>
        argument.Length > 0 && !argument.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'') ? argument : $"'{argument.Replace("'", "'\\''", StringComparison.Ordinal)}'";
}

/// <summary>What a finished tool left: exit code and its output lines, unredacted, for the caller to parse.</summary>
public sealed record ToolResult(int ExitCode, IReadOnlyList<string> Output, IReadOnlyList<string> Errors);

/// <summary>A tool exited non-zero or timed out; the message has the command line, exit code and last error lines.</summary>
public sealed class ToolException : Exception
{
    public ToolException(string message, ToolResult? result = null)
        : base(message) => Result = result;

    public ToolException()
    {
    }

    public ToolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ToolResult? Result { get; }
}
