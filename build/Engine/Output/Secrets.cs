namespace Engine;

/// <summary>Registers a value learned while running (a registry password, a token) so no line ever shows it.</summary>
public static class Secrets
{
    public static void Register(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || BuildOutput.Current.Secrets.Values.Contains(value))
            return;
        BuildOutput.Current.Secrets.Add(value);
        BuildOutput.Current.GitHub?.Mask(value);
    }
}
