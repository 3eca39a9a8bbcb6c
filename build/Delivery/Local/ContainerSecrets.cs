using Engine;

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

    private static string? PasswordOf(string databaseUrl)
    {
        try
        {
            return DatabaseAddress.Parse(databaseUrl).Password;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
        {
            return null; // the service itself says what is wrong with it, without the value
        }
    }
}
