using Engine.Running;

namespace Engine.Tests;

/// <summary>
/// Secrets holding shell, Markdown, JSON, regex and line-break characters, pushed through every way the build prints:
/// console, log, tool output, tool command lines (shown at Verbose and in failures), exception messages and stacks,
/// the summary table, ::error:: and the step summary. Only the ::add-mask:: lines, which the runner hides, may hold one.
/// </summary>
[Collection(ConsoleCollection.Name)]
public class SecretCorpusTests
{
    public static TheoryData<string, string> Corpus()
    {
        var data = new TheoryData<string, string>();
        string[] secrets = ["it's-a-secret", "say \"hello\" now", "pipe|in|table", @"back\slash\path", "$HOME-and-$(id)", "star*glob?.+", "first line\nsecond line", "pässwörd-ünïcode", "50%-off:yes", "{\"json\":\"val\"}", "[regex](^x$)"];
        foreach (var secret in secrets)
        {
            data.Add(secret, "Normal");
            data.Add(secret, "Verbose");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void No_literal_secret_appears_in_any_output(string secret, string verbosity)
    {
        using var run = new BuildRun { RedirectConsole = true };
        var summary = Path.Combine(run.Root, "step-summary.md");
        run.Environment["GITHUB_ACTIONS"] = "true";
        run.Environment["GITHUB_STEP_SUMMARY"] = summary;
        run.Environment["TOKEN"] = secret;

        var code = run.Run(new LeakyBuild(), "Everything", "--verbosity", verbosity);

        Assert.Equal(BuildHost.TargetFailed, code);
        var printed = string.Join('\n', run.Output.Split('\n').Where(l => !l.StartsWith("::add-mask::", StringComparison.Ordinal)));
        var stepSummary = File.ReadAllText(summary);
        Assert.Contains("| Everything | Failed |", stepSummary, StringComparison.Ordinal);
        Assert.Contains("::error title=Everything failed::", printed, StringComparison.Ordinal);
        // The secret as given, each of its lines, and the forms output code turns it into: quoted for a shell,
        // escaped for a Markdown table, escaped for JSON. Any of them in a log gives the secret away.
        string[] forms = [secret, .. secret.Split('\n'), secret.Replace("'", "'\\''", StringComparison.Ordinal), secret.Replace("|", "\\|", StringComparison.Ordinal), System.Text.Json.JsonEncodedText.Encode(secret).ToString()];
        foreach (var part in forms)
        {
            Assert.DoesNotContain(part, printed, StringComparison.Ordinal);
            Assert.DoesNotContain(part, stepSummary, StringComparison.Ordinal);
        }

        Assert.Contains("console ***", printed, StringComparison.Ordinal);
        Assert.Contains("tool says ***", printed, StringComparison.Ordinal);
        if (verbosity == "Verbose")
            Assert.Contains("at Engine.Tests.SecretCorpusTests", printed, StringComparison.Ordinal); // the stack was printed, redacted
    }

    private sealed class LeakyBuild : BuildBase
    {
        [Parameter, Secret] public readonly string? Token;

        public Target Everything => _ => _.Executes(async () =>
        {
            Console.WriteLine($"console {Token}");
            Console.Error.WriteLine($"console error {Token}");
            Log.Information($"log {Token}");
            await ToolRunner.RunAsync(new ToolInvocation("sh", ["-c", "printf 'tool says %s\\n' \"$1\"; printf 'tool errors %s\\n' \"$1\" >&2", "sh", Token!]));
            try
            {
                await ToolRunner.RunAsync(new ToolInvocation("sh", ["-c", "exit 3", "sh", Token!]));
            }
            catch (ToolException e)
            {
                ReportSummary($"failed with {Token}");
                throw new InvalidOperationException($"gave up on {Token}", e);
            }
        });
    }
}
