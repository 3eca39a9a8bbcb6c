using BuildTests.Delivery.EndToEnd;

namespace BuildTests.Delivery.LiveView;

/// <summary>As <see cref="EndToEndFactAttribute"/>, and tmux is installed to run the build in a terminal; on CI nothing is skipped.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class TerminalFactAttribute : FactAttribute
{
    public TerminalFactAttribute() => Skip = EndToEndFactAttribute.Missing() ?? TmuxMissing();

    private static string? TmuxMissing()
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(folder => File.Exists(Path.Combine(folder, "tmux")));
        var onCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        return found || onCi ? null : "tmux is not installed (apt-get install tmux): the live view is tested in a terminal it runs";
    }
}
