using Engine.Parameters;
using Engine.Running;

namespace Engine.Tests;

public class DurationTests
{
    [Theory]
    [InlineData("90s", 90)]
    [InlineData("1h30m", 5400)]
    [InlineData("00:05:00", 300)]
    [InlineData("0s", 0)]
    public void Short_and_clock_forms_convert(string text, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), ValueConverter.Convert([text], typeof(TimeSpan)));

    [Theory]
    [InlineData("99999999999d")]
    [InlineData("10675199d10675199d")]
    [InlineData("99999999999999999999999999999999999999999999999999h")]
    public void A_duration_too_long_for_TimeSpan_says_what_is_expected(string text)
    {
        var error = Assert.Throws<FormatException>(() => ValueConverter.Convert([text], typeof(TimeSpan)));

        Assert.Equal("expected a duration of at most 10675199 days", error.Message);
    }

    [Theory]
    [InlineData("-5m")]
    [InlineData("-00:05:00")]
    [InlineData("-0:00:01")]
    public void A_negative_duration_is_rejected_in_either_form(string text)
    {
        var error = Assert.Throws<FormatException>(() => ValueConverter.Convert([text], typeof(TimeSpan?)));

        Assert.Equal("expected a duration that is not negative, such as 90s, 5m, 1h30m or 00:05:00", error.Message);
    }

    [Fact]
    public void A_bad_value_is_echoed_on_one_line_and_cut_to_60_characters()
    {
        using var run = new BuildRun();
        var value = "line one\n" + new string('x', 200);

        var code = run.Run(new DurationBuild(), "Wait", "--patience", value);

        Assert.Equal(BuildHost.UsageError, code);
        var shown = ("line one " + new string('x', 200))[..60];
        Assert.Equal(
            $"error: Invalid value '{shown}…' for parameter Patience (--patience, from command line): expected a duration such as 90s, 5m, 1h30m or 00:05:00.",
            run.Output.Trim());
    }

    private sealed class DurationBuild : RecordingBuild
    {
        [Parameter] public readonly TimeSpan Patience = TimeSpan.FromMinutes(1);

        public Target Wait => _ => Record(_, nameof(Wait));
    }
}
