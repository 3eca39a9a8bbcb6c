namespace BuildTests.Scanning;

public class ScanPolicyTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);
    private static readonly ScanFinding Secret = new("aws-access-key-id", FindingKind.Secret, Severity.Critical, "AWS Access Key ID", "config/app.env", 3);
    private static readonly ScanFinding Medium = new("DS001", FindingKind.Misconfiguration, Severity.Medium, "':latest' tag used", "Dockerfile", 1);

    [Fact]
    public void Without_a_file_high_and_critical_fail()
    {
        var policy = ScanPolicy.Load("/nonexistent/scan-policy.json", "scan-policy.json");

        var verdict = ScanVerdict.Evaluate(policy, [Secret, Medium], Today);

        Assert.False(verdict.Passed);
        Assert.Equal([Secret], verdict.Failing);
        Assert.Equal([Medium], verdict.Below);
        Assert.Equal("1 at HIGH/CRITICAL (1 secret)", verdict.Line(policy, null));
    }

    [Fact]
    public void An_acceptance_passes_its_finding_until_the_end_of_its_expiry_day_and_fails_it_again_after()
    {
        var policy = ScanPolicy.Parse("""{ "accepted": [{ "id": "AWS-ACCESS-KEY-ID", "reason": "test fixture key", "expires": "2026-06-15" }] }""");

        var onTheDay = ScanVerdict.Evaluate(policy, [Secret], Today);
        var dayAfter = ScanVerdict.Evaluate(policy, [Secret], Today.AddDays(1));

        Assert.True(onTheDay.Passed);
        Assert.Equal("nothing at HIGH/CRITICAL outside the accepted; 1 accepted", onTheDay.Line(policy, null));
        Assert.False(dayAfter.Passed);
        Assert.Equal([policy.Accepted[0]], dayAfter.Expired);
        Assert.Equal("1 at HIGH/CRITICAL (1 secret); 1 acceptance(s) expired: AWS-ACCESS-KEY-ID on 2026-06-15", dayAfter.Line(policy, null));
    }

    [Fact]
    public void The_threshold_is_the_policys_and_what_was_not_checked_is_said()
    {
        var policy = ScanPolicy.Parse("""{ "failOn": ["MEDIUM", "HIGH", "CRITICAL"] }""");

        var verdict = ScanVerdict.Evaluate(policy, [Medium], Today);

        Assert.Equal("1 at MEDIUM/HIGH/CRITICAL (1 misconfiguration); vulnerabilities NOT checked", verdict.Line(policy, "vulnerabilities NOT checked"));
    }

    [Theory]
    [InlineData("{ \"failOn\": [\"HIGH\"", "scan-policy.json is not a valid scan policy: ")]
    [InlineData("[]", "scan-policy.json is not a valid scan policy: expected a JSON object")]
    [InlineData("{ \"failon\": [] }", "scan-policy.json is not a valid scan policy: unknown key 'failon' (expected failOn, accepted)")]
    [InlineData("{ \"failOn\": [\"SEVERE\"] }", "scan-policy.json is not a valid scan policy: unknown severity 'SEVERE' in failOn (expected UNKNOWN, LOW, MEDIUM, HIGH, CRITICAL)")]
    [InlineData("{ \"accepted\": [{ \"id\": \"CVE-1\", \"expires\": \"2026-01-01\" }] }", "scan-policy.json is not a valid scan policy: accepted[0] has no reason")]
    [InlineData("{ \"accepted\": [{ \"id\": \"CVE-1\", \"reason\": \"r\", \"expires\": \"next year\" }] }", "scan-policy.json is not a valid scan policy: accepted[0] expires 'next year' is not a date (yyyy-MM-dd)")]
    public void A_malformed_policy_is_one_line_naming_the_problem(string json, string expected)
    {
        using var file = new TemporaryFile(json);
        var error = Assert.Throws<InvalidDataException>(() => ScanPolicy.Load(file.Path, "scan-policy.json"));
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void The_repositorys_own_policy_is_valid() =>
        Assert.NotNull(ScanPolicy.Load(TestPaths.RepositoryRoot / "scan-policy.json", "scan-policy.json"));
}
