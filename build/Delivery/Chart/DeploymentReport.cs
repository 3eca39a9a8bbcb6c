using Engine;
using Pipeline.IO;

namespace Pipeline.Delivery.Chart;

/// <summary>
/// What a deploy leaves to look at afterwards, however it ended: artifacts/deployment.md (the Markdown section with
/// the Mermaid charts) and artifacts/deployment.svg (the same chart as a picture), and the section in the run's step
/// summary on GitHub Actions. A report that cannot be written is a warning: the deploy's outcome stands without it.
/// </summary>
public sealed class DeploymentReport(AbsolutePath artifacts, Action<string> appendToStepSummary)
{
    public const string MarkdownName = "deployment.md";
    public const string PictureName = "deployment.svg";

    public AbsolutePath MarkdownFile => artifacts / MarkdownName;
    public AbsolutePath PictureFile => artifacts / PictureName;

    public void Write(DeploymentRecord record)
    {
        var chart = DeploymentChart.Of(record);
        var markdown = DeploymentMarkdown.Of(record, chart, $"artifacts/{PictureName}");
        try
        {
            artifacts.CreateDirectory();
            AtomicFile.WriteAllText(MarkdownFile, markdown);
            AtomicFile.WriteAllText(PictureFile, SvgDeployChart.Render(chart));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.Warning($"warning: could not write the deployment's chart under {artifacts}: {e.Message}");
        }

        appendToStepSummary(markdown);
    }
}
