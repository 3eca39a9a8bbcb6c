namespace Engine;

/// <summary>The build's logger: every line is redacted and goes through the current run's <see cref="BuildOutput"/>.</summary>
public static class Log
{
    public static void Debug(string text) => BuildOutput.Current.Write(LogLevel.Debug, text);

    public static void Information(string text) => BuildOutput.Current.Write(LogLevel.Information, text);

    public static void Warning(string text) => BuildOutput.Current.Write(LogLevel.Warning, text);

    public static void Error(string text) => BuildOutput.Current.Write(LogLevel.Error, text);
}
