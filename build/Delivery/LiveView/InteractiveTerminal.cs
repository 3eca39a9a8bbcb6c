using Engine;

namespace Pipeline.Delivery.LiveView;

/// <summary>
/// Whether the live table may be drawn: standard output is a terminal that asks for nothing plainer (TERM set and
/// not dumb, no NO_COLOR), not a CI run (whose log is read later, line by line), lines at normal verbosity, and this
/// target's output not held back for a parallel run. Anything else gets today's plain lines.
/// </summary>
public static class InteractiveTerminal
{
    public static bool Draws(Func<string, string?> environment, bool outputIsTerminal, BuildOutput output) =>
        outputIsTerminal
        && environment("TERM") is { Length: > 0 } term && term != "dumb"
        && environment("NO_COLOR") is null or ""
        && environment("CI") is null or "" or "false"
        && environment("GITHUB_ACTIONS") != "true"
        && output.IsEnabled(LogLevel.Information)
        && !output.HoldsBack;
}
