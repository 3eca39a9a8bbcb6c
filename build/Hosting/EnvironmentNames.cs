namespace Pipeline.Hosting;

/// <summary>The environments this repository declares (each with its profile in .nuke/), written once.</summary>
public static class EnvironmentNames
{
    public const string Local = "local";

    public const string Staging = "staging";

    public const string Production = "production";
}
