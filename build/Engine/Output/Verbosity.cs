namespace Engine;

public enum Verbosity
{
    /// <summary>Errors and the summary only.</summary>
    Quiet,

    /// <summary>Adds warnings and target headers.</summary>
    Minimal,

    /// <summary>Adds information and tool output.</summary>
    Normal,

    /// <summary>Adds debug lines and stack traces.</summary>
    Verbose,
}

public enum LogLevel
{
    Debug,
    Information,
    Warning,
    Error,
}
