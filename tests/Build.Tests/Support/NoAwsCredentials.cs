namespace BuildTests;

/// <summary>
/// The environment of a build that must find no AWS credentials anywhere in the default chain: the variables empty,
/// the shared files pointing at nothing under <c>root</c>, instance metadata off (it would wait for a timeout).
/// </summary>
internal static class NoAwsCredentials
{
    public static Dictionary<string, string> In(string root) => new()
    {
        ["AWS_ACCESS_KEY_ID"] = "",
        ["AWS_SECRET_ACCESS_KEY"] = "",
        ["AWS_SESSION_TOKEN"] = "",
        ["AWS_PROFILE"] = "",
        ["AWS_WEB_IDENTITY_TOKEN_FILE"] = "",
        ["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"] = "",
        ["AWS_CONTAINER_CREDENTIALS_FULL_URI"] = "",
        ["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(root, "no-credentials"),
        ["AWS_CONFIG_FILE"] = Path.Combine(root, "no-config"),
        ["AWS_EC2_METADATA_DISABLED"] = "true",
    };
}
