namespace Engine.Output;

/// <summary>GitHub Actions workflow commands, used when GITHUB_ACTIONS=true.</summary>
internal sealed class GitHubActions(BuildOutput output, string? stepSummaryPath)
{
    /// <summary>The workflow commands for this run, or null when not on GitHub Actions.</summary>
    public static GitHubActions? Detect(BuildOutput output, Func<string, string?> environment) =>
        environment("GITHUB_ACTIONS") == "true" ? new GitHubActions(output, environment("GITHUB_STEP_SUMMARY")) : null;

    /// <summary>Tells the runner to mask a value in its log; printed before anything else so no line leaks it.</summary>
    public void Mask(string value)
    {
        // The runner hides ::add-mask:: lines itself; our own redaction must not rewrite them.
        foreach (var part in value.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            output.Flush([new OutputLine($"::add-mask::{part}", IsError: false)]);
    }

    public void BeginGroup(string title) => output.WriteLine($"::group::{title}");

    public void EndGroup() => output.WriteLine("::endgroup::");

    public void Error(string title, string message) =>
        output.WriteLine($"::error title={EscapeProperty(title)}::{EscapeData(message)}");

    /// <summary>Markdown of a target's own for the current run's step summary, kept apart from what follows by a blank line.</summary>
    public static void AppendToCurrentStepSummary(string markdown) =>
        BuildOutput.Current.GitHub?.AppendStepSummary(markdown.TrimEnd() + Environment.NewLine);

    public void AppendStepSummary(string markdown)
    {
        if (string.IsNullOrEmpty(stepSummaryPath))
            return;
        try
        {
            File.AppendAllText(stepSummaryPath, output.Secrets.Redact(markdown) + Environment.NewLine);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The summary is a courtesy on the run's page; the build's result stands without it.
            output.Write(LogLevel.Warning, $"warning: could not append the step summary to {stepSummaryPath}: {e.Message}");
        }
    }

    // Workflow command data must escape %, CR and LF; property values also ':' and ','.
    private static string EscapeData(string value) =>
        value.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    private static string EscapeProperty(string value) =>
        EscapeData(value).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
