namespace BuildTests.Delivery;

/// <summary>What a deploy is given, checked before anything changes: steps and digests.</summary>
public sealed class DeliveryInputTests
{
    [Theory]
    [InlineData("10,abc,100", "'abc' is not a whole percentage")]
    [InlineData("50,10,100", "10 does not increase on 50")]
    [InlineData("10,150", "150 is outside 1–100")]
    [InlineData("0,100", "0 is outside 1–100")]
    [InlineData("10,50", "the last step must be 100")]
    [InlineData("", "'' is not a whole percentage")]
    public void Malformed_steps_are_refused_with_the_reason(string text, string reason)
    {
        var error = Assert.Throws<FormatException>(() => TrafficSteps.Parse(text));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Steps_parse_in_order()
    {
        Assert.Equal([5, 25, 100], TrafficSteps.Parse(" 5, 25 ,100").Percentages);
        Assert.Equal([100], TrafficSteps.Parse("100").Percentages);
    }

    [Theory]
    [InlineData("localhost:5000/app@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "localhost:5000/app")]
    [InlineData("123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/app")]
    public void Digests_parse(string text, string repository) => Assert.Equal(repository, ImageDigest.Parse(text).Repository);

    [Theory]
    [InlineData("app:1.0.0")]
    [InlineData("app@sha256:abc")]
    [InlineData("app@sha256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public void Anything_else_is_not_a_digest(string text)
    {
        var error = Assert.Throws<FormatException>(() => ImageDigest.Parse(text));

        Assert.StartsWith($"'{text}' is not an image digest: expected repository@sha256:", error.Message, StringComparison.Ordinal);
    }
}
