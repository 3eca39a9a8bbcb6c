using System.Text.Json;
using System.Text.RegularExpressions;
using Engine.Running;

namespace BuildTests.Cli;

/// <summary>
/// The build's defaults are written once: the deploy's in <see cref="DeploymentSettings"/>, every other one as its
/// parameter's value; --help and .nuke/build.schema.json state them from there. These hold the real Build to that.
/// </summary>
public partial class ParameterDefaultsTests
{
    [Fact]
    public void A_deploy_given_no_parameters_runs_on_the_settings_records_defaults()
    {
        var given = ((IHazDeployment)new Build()).DeploymentSettings;

        Assert.Equal(new DeploymentSettings(), given);
    }

    [Fact]
    public void Every_stated_default_reads_back_as_the_default_the_build_uses()
    {
        var stated = new Dictionary<string, string>();
        foreach (var (name, description) in SchemaDescriptions(Help(new Dictionary<string, string>()).Schema))
        {
            Assert.True(description.Split("(default").Length <= 2, $"{name} states its default more than once: {description}");
            if (description.EndsWith(')') && description.LastIndexOf(" (default ", StringComparison.Ordinal) is var at and >= 0)
                stated[name] = description[(at + " (default ".Length)..^1];
        }

        // Given by member name in the environment: help then says which parameter each value came from.
        var (help, _) = Help(stated);

        var readBack = Entries(help).Where(e => e.Source.StartsWith("environment ", StringComparison.Ordinal)).ToList();
        Assert.Equal(stated.Keys.Order(), readBack.Select(e => e.Source["environment ".Length..]).Order());
        Assert.All(readBack, e => Assert.True(e.Now == e.Default, $"{e.Source}: '{stated[e.Source["environment ".Length..]]}' reads as {e.Now}, the default is {e.Default}"));
        Assert.Contains("BakeTime", stated.Keys);
    }

    [Fact]
    public void The_schema_is_the_same_wherever_the_build_runs_and_words_state_only_defaults_a_value_cannot()
    {
        var local = Help(new Dictionary<string, string>());
        var ci = Help(new Dictionary<string, string>
        {
            ["CI"] = "true",
            ["GITHUB_ACTIONS"] = "true",
            ["AWS_DEFAULT_REGION"] = "eu-west-1",
            ["HOME"] = "/elsewhere",
            ["XDG_STATE_HOME"] = "/elsewhere/state",
        });

        // A default that differs by machine would rewrite the committed schema there, and the tree would be dirty.
        Assert.Equal(local.Schema, ci.Schema);
        var onCi = Entries(ci.Help).ToDictionary(e => e.Option);
        var wordsForAValue = Entries(local.Help)
            .Where(e => e.Description?.Contains("(default: ", StringComparison.Ordinal) == true && e.Default != "(none)" && e.Default == onCi[e.Option].Default)
            .Select(e => e.Option);
        Assert.Empty(wordsForAValue);
    }

    private static (string Help, string Schema) Help(IReadOnlyDictionary<string, string> environment)
    {
        var root = TestPaths.NewTemporaryRoot();
        try
        {
            using var writer = new StringWriter { NewLine = "\n" };
            var code = BuildHost.Run(new Build(), ["--help", "--root", root], _ => null, writer, redirectConsole: false,
                name => environment.GetValueOrDefault(name), CancellationToken.None);
            Assert.True(code == BuildHost.Success, writer.ToString());
            return (writer.ToString(), File.ReadAllText(root / ".nuke" / "build.schema.json"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static IEnumerable<(string Name, string Description)> SchemaDescriptions(string schema)
    {
        using var document = JsonDocument.Parse(schema);
        var found = new List<(string, string)>();
        foreach (var property in document.RootElement.GetProperty("properties").EnumerateObject())
        {
            if (property.Value.TryGetProperty("description", out var description))
                found.Add((property.Name, description.GetString()!));
        }

        return found;
    }

    private sealed record HelpEntry(string Option, string? Description, string Default, string Now, string Source);

    private static IEnumerable<HelpEntry> Entries(string help) =>
        HelpEntryPattern().Matches(help).Select(m => new HelpEntry(
            m.Groups["option"].Value,
            m.Groups["description"].Success ? m.Groups["description"].Value : null,
            m.Groups["default"].Value,
            m.Groups["now"].Value,
            m.Groups["source"].Value));

    [GeneratedRegex(@"^  (?<option>--[a-z0-9-]+) .*\n(?:      (?!default: )(?<description>.*)\n)?      default: (?<default>.*); now: (?<now>.*) \(from (?<source>[^)]*)\)$", RegexOptions.Multiline)]
    private static partial Regex HelpEntryPattern();
}
