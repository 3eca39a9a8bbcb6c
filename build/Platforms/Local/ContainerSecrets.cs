using Engine;
using Pipeline.Database;

namespace Pipeline.Platforms.Local;

/// <summary>
/// The container environment is secret (DATABASE_URL holds a password): every value, and a database URL's password
/// on its own (it appears alone in some messages, percent-decoded), is masked in everything the build prints.
/// </summary>
internal static class ContainerSecrets
{
    public static void Register(IReadOnlyDictionary<string, string> environment)
    {
        foreach (var (name, value) in environment)
        {
            Secrets.Register(value);
            if (name == "DATABASE_URL")
                Secrets.Register(PasswordOf(value));
        }
    }

    /// <summary>The password of either form the service accepts; of a URL the service would refuse, its user-info's.</summary>
    private static string? PasswordOf(string databaseUrl)
    {
        try
        {
            return DatabaseAddress.Parse(databaseUrl).Password;
        }
        catch (InvalidOperationException)
        {
            return Uri.TryCreate(databaseUrl.Trim(), UriKind.Absolute, out var url) && url.UserInfo.Split(':', 2) is [_, var password]
                ? Uri.UnescapeDataString(password)
                : null;
        }
    }
}
