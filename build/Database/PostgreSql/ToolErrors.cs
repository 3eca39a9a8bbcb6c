using Engine;

namespace Pipeline.Database.PostgreSql;

/// <summary>
/// The line of a failed tool's output that says what went wrong (PostgreSQL's tools end with it on standard error),
/// for one-line messages instead of the command line and its whole tail.
/// </summary>
internal static class ToolErrors
{
    public static string LastLine(ToolException failure) =>
        failure.Result?.Errors.LastOrDefault(line => line.Trim().Length > 0)?.Trim() ?? failure.Message;
}
