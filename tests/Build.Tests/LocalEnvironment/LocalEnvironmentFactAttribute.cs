namespace BuildTests.LocalEnvironment;

/// <summary>
/// The full cycle of local-environment.sh starts servers, may start a Docker engine and installs what is missing from
/// Debian packages: on a developer's machine it is skipped, with the reason shown, unless it runs as root on Linux with
/// apt-get. On CI (CI=true) it always runs, and fails where it cannot.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class LocalEnvironmentFactAttribute : FactAttribute
{
    public LocalEnvironmentFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("CI") == "true")
            return;
        if (!OperatingSystem.IsLinux())
            Skip = "local-environment.sh runs on Linux only (on CI this test fails instead of skipping)";
        else if (!Environment.IsPrivilegedProcess)
            Skip = "not root: local-environment.sh up would need root to start a Docker engine and install packages (on CI this test fails instead of skipping)";
        else if (!File.Exists("/usr/bin/apt-get"))
            Skip = "no apt-get: local-environment.sh up installs what is missing from Debian packages (on CI this test fails instead of skipping)";
    }
}
