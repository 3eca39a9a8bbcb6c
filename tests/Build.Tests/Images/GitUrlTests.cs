namespace BuildTests.Images;

public class GitUrlTests
{
    [Theory]
    [InlineData("git@github.com:acme/app.git", "https://github.com/acme/app")]
    [InlineData("https://github.com/acme/app.git", "https://github.com/acme/app")]
    [InlineData("https://user:token@github.com/acme/app.git", "https://github.com/acme/app")]
    public void The_source_label_is_a_browsable_address_without_credentials(string remote, string expected) =>
        Assert.Equal(expected, ImageLabels.BrowsableUrl(remote));
}
