using Engine.Parameters;
using Engine.Running;

namespace Engine.Tests;

/// <summary>
/// A parameter's default is written once, as its value: --help and the schema state it after the description, in the
/// form it would be typed in, so the text cannot name a default the build does not use.
/// </summary>
public class StatedDefaultTests
{
    [Fact]
    public void Help_and_schema_state_the_value_the_build_uses_after_the_description()
    {
        using var run = new BuildRun();

        Assert.Equal(BuildHost.Success, run.Run(new DefaultsBuild(), "--help"));

        var schema = File.ReadAllText(Path.Combine(run.Root, ".nuke", "build.schema.json"));
        foreach (var text in new[] { run.Output, schema })
        {
            Assert.Contains("How long to wait (default 1m30s)", text, StringComparison.Ordinal);
            Assert.Contains("Ports to probe (default 80 443)", text, StringComparison.Ordinal);
            Assert.Contains("The address (default: the service's own)", text.Replace("\\u0027", "'", StringComparison.Ordinal), StringComparison.Ordinal);
        }

        Assert.Contains("default: 1m30s; now: 1m30s (from default)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_is_stated_for_no_value_an_empty_one_a_flag_that_is_off_or_a_secret()
    {
        using var run = new BuildRun();

        run.Run(new DefaultsBuild(), "--help");

        var schema = File.ReadAllText(Path.Combine(run.Root, ".nuke", "build.schema.json"));
        foreach (var description in new[] { "Who asks", "Names to greet", "Skip the checks", "The pin" })
        {
            Assert.Contains($"\"description\": \"{description}\",", schema, StringComparison.Ordinal);
            Assert.Contains($"      {description}\n", run.Output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        }

        Assert.DoesNotContain("4711", run.Output + schema, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Values))]
    public void A_stated_value_reads_back_as_the_same_value(object value)
    {
        var text = ValueText.Format(value);

        var values = value is Array ? text.Split(' ') : [text];
        Assert.Equal(value, ValueConverter.Convert(values, value.GetType()));
    }

    public static TheoryData<object> Values() => new()
    {
        TimeSpan.FromSeconds(30),
        TimeSpan.FromMinutes(2),
        TimeSpan.FromMilliseconds(500),
        TimeSpan.FromMinutes(90),
        TimeSpan.FromMinutes(60),
        TimeSpan.FromDays(2) + TimeSpan.FromMilliseconds(5),
        TimeSpan.Zero,
        TimeSpan.FromTicks(1234),
        0,
        8080,
        long.MaxValue,
        0.01,
        1.0,
        1.5m,
        true,
        "/health/ready",
        new Uri("https://api.github.com/"),
        ParameterTests.Color.Blue,
        new[] { 80, 443 },
        new[] { "artifacts/sbom.cdx.json#SBOM", "artifacts/image.json#Image" },
    };

    private sealed class DefaultsBuild : RecordingBuild
    {
        [Parameter("How long to wait")] public readonly TimeSpan Wait = TimeSpan.FromSeconds(90);
        [Parameter("Ports to probe")] public readonly int[] Ports = [80, 443];
        [Parameter("The address", DefaultText = "the service's own")] public readonly Uri? Address;
        [Parameter("Who asks")] public readonly string? Asker;
        [Parameter("Names to greet")] public readonly string[] Names = [];
        [Parameter("Skip the checks")] public readonly bool SkipChecks;
        [Parameter("The pin"), Secret] public readonly int Pin = 4711;

        public Target Show => _ => Record(_, nameof(Show));
    }
}
