using Engine;

namespace Pipeline.Tools;

/// <summary>Debian's package installer, for tools the build needs on the machine it runs on (needs root).</summary>
internal static class AptGet
{
    public static bool CanInstall => Environment.UserName == "root" && File.Exists("/usr/bin/apt-get");

    /// <summary>Installs the package; the package lists are refreshed only when the first attempt fails (a fresh machine has none).</summary>
    public static async Task Install(string package, CancellationToken cancellation)
    {
        if ((await ToolRunner.RunUncheckedAsync(Invocation(["install", "-y", "-qq", "--no-install-recommends", package]), cancellation)).ExitCode == 0)
            return;
        await ToolRunner.RunAsync(Invocation(["update", "-qq"]), cancellation);
        await ToolRunner.RunAsync(Invocation(["install", "-y", "-qq", "--no-install-recommends", package]), cancellation);
    }

    private static ToolInvocation Invocation(string[] arguments) => new("apt-get", arguments)
    {
        Environment = new Dictionary<string, string?> { ["DEBIAN_FRONTEND"] = "noninteractive" },
    };
}
