using System.Text.RegularExpressions;

namespace Pipeline.Platforms.Ecs.Database;

/// <summary>
/// What the build prints of a task's log passes through here: a database URL's password or a Password= keyword
/// becomes ***. The build never knows the task's secrets (ECS injects them), so it cannot mask them by value.
/// </summary>
internal static partial class SecretRedaction
{
    public static string Redact(string line) =>
        Keyword().Replace(UrlPassword().Replace(line, "${start}***@"), "${start}***");

    [GeneratedRegex(@"(?<start>[a-z][a-z0-9+.-]*://[^:/@\s]*:)[^@\s]+@", RegexOptions.IgnoreCase)]
    private static partial Regex UrlPassword();

    [GeneratedRegex(@"(?<start>\b(password|pwd|secret|token)\s*[=:]\s*)[^;\s]+", RegexOptions.IgnoreCase)]
    private static partial Regex Keyword();
}
