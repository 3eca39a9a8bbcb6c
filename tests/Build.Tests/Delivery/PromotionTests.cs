namespace BuildTests.Delivery;

/// <summary>What DeployProduction may take from staging: its live release, or a digest that went live there; nothing else.</summary>
public class PromotionTests
{
    private static EnvironmentState Staging() => new()
    {
        Live = new ColorRelease(Color.Green, DeployHarness.ImageB, "1.2.0", "bbb1234", "77-1"),
        Previous = new ColorRelease(Color.Blue, DeployHarness.ImageA, "1.1.0", "aaa1234", "70-1"),
    };

    [Fact]
    public void Without_a_digest_staging_live_release_is_promoted_with_its_version()
    {
        var release = Promotion.Verified("staging", "production", Staging(), wanted: null);

        Assert.Equal((DeployHarness.ImageB, "1.2.0", "bbb1234"), (release.Image, release.Version, release.Commit));
    }

    [Fact]
    public void A_digest_that_went_live_in_staging_is_promoted_even_from_another_repository()
    {
        var wanted = ImageDigest.Parse("123456789012.dkr.ecr.eu-west-1.amazonaws.com/app@" + ImageDigest.Parse(DeployHarness.ImageA).Digest);

        var release = Promotion.Verified("staging", "production", Staging(), wanted);

        Assert.Equal((wanted.ToString(), "1.1.0"), (release.Image, release.Version));
    }

    [Fact]
    public void A_digest_staging_never_ran_live_is_refused_in_one_line()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Promotion.Verified("staging", "production", Staging(), ImageDigest.Parse(DeployHarness.ImageC)));

        Assert.StartsWith($"{DeployHarness.ImageC} never went live in staging (live there: {DeployHarness.ImageB})", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Nothing_live_in_staging_means_nothing_to_promote()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Promotion.Verified("staging", "production", EnvironmentState.Empty, null));

        Assert.Contains("deploy to staging first", error.Message, StringComparison.Ordinal);
    }
}
