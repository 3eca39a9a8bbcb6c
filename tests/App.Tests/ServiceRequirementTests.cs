using TestSupport;

namespace App.Tests;

public sealed class ServiceRequirementTests
{
    [Fact]
    public void Missing_service_skips_with_the_way_to_start_it()
    {
        var reason = ServiceRequirement.SkipReason("TEST_DATABASE_URL", "PostgreSQL", Environment(("CI", null)));

        Assert.Equal(
            "TEST_DATABASE_URL is not set: run the tests through build/services/with-services.sh to start PostgreSQL",
            reason);
    }

    [Fact]
    public void Missing_service_on_ci_does_not_skip()
    {
        Assert.Null(ServiceRequirement.SkipReason("TEST_DATABASE_URL", "PostgreSQL", Environment(("CI", "true"))));
    }

    [Fact]
    public void Given_service_does_not_skip()
    {
        var environment = Environment(("TEST_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/postgres"));

        Assert.Null(ServiceRequirement.SkipReason("TEST_DATABASE_URL", "PostgreSQL", environment));
    }

    [Fact]
    public void Missing_service_message_says_how_to_provide_it()
    {
        var message = ServiceRequirement.MissingMessage("TEST_DATABASE_URL", "PostgreSQL");

        Assert.Contains("TEST_DATABASE_URL is not set", message, StringComparison.Ordinal);
        Assert.Contains(ServiceRequirement.StartScript, message, StringComparison.Ordinal);
    }

    private static Func<string, string?> Environment(params (string Name, string? Value)[] variables) =>
        name => variables.FirstOrDefault(variable => variable.Name == name).Value;
}
