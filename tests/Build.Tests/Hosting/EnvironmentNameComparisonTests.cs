using System.Text.RegularExpressions;

namespace BuildTests.Hosting;

/// <summary>
/// Only the hosting map decides by an environment's name (build/Hosting): the rest of the build asks the map what
/// hosts an environment, whether it is promoted, whether a restore needs a confirmation. A comparison with an
/// environment's name anywhere else is how platform decisions spread, so it fails here, naming the file and line.
/// The engine (build/Engine) is left out: its profiles are parameter files it reads, not environments it decides on.
/// </summary>
public sealed partial class EnvironmentNameComparisonTests
{
    [Fact]
    public void No_code_outside_the_hosting_map_compares_an_environment_name()
    {
        var found = new List<string>();
        foreach (var (file, relative) in BuildSources.Files("Hosting", "Engine"))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (EnvironmentNameComparison().IsMatch(lines[i]))
                    found.Add($"build/{relative}:{i + 1}: {lines[i].Trim()}");
            }
        }

        Assert.True(found.Count == 0, "environment names compared outside build/Hosting:\n" + string.Join("\n", found));
    }

    [Theory]
    [InlineData("if (DeployEnvironment == \"local\")")]
    [InlineData("EcsEnvironment != ProductionProfile ? a : b")]
    [InlineData("\"staging\" == environment")]
    [InlineData("if (name is EnvironmentNames.Production)")]
    [InlineData("Profile.Equals(\"production\", StringComparison.Ordinal)")]
    public void The_check_recognises_a_comparison(string line) => Assert.Matches(EnvironmentNameComparison(), line);

    [Theory]
    [InlineData("await ListenerAsync(balancer, listeners, port, \"production\", weights, cancellation);")]
    [InlineData(".ForProfile(LocalProfile)")]
    [InlineData("const string StagingProfile = EnvironmentNames.Staging;")]
    public void The_check_lets_a_mere_mention_through(string line) => Assert.DoesNotMatch(EnvironmentNameComparison(), line);

    private const string Name = """(?:"(?:local|staging|production)"|EnvironmentNames\.\w+|\b\w*Profile\b)""";

    [GeneratedRegex("(?:==|!=)\\s*" + Name + "|" + Name + "\\s*(?:==|!=)|\\bis\\s+(?:not\\s+)?" + Name + "|\\.Equals\\(\\s*" + Name)]
    private static partial Regex EnvironmentNameComparison();
}
