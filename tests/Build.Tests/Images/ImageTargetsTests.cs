using System.Text.Json;
using BuildTests.Cli;

namespace BuildTests.Images;

/// <summary>
/// Scan and PushEcr as a user runs them (the compiled build as a process, in a temporary root): bad input is one line
/// and exit 1, leaving nothing half-written; against moto, with the registry standing in for ECR's.
/// </summary>
public class ImageTargetsTests
{
    private const string NotTrivy = """{"version":"2.1.0","runs":[]}""";

    [Theory]
    [InlineData(NotTrivy, null, false, "Scan failed: report.json (--scan-report) is not a Trivy JSON report (schema version 2): it has no SchemaVersion")]
    [InlineData(Scanning.TrivyReportTests.Sample, """{ "failOn": "HIGH" }""", false, "Scan failed: scan-policy.json (--scan-policy-file) is not a valid scan policy: ")]
    [InlineData(Scanning.TrivyReportTests.Sample, null, true, "Scan failed: Cannot write to artifacts: ")]
    public async Task Bad_input_fails_Scan_in_one_line_before_anything_is_written(string report, string? policy, bool artifactsIsAFile, string expected)
    {
        using var build = new CompiledBuild();
        File.WriteAllText(Path.Combine(build.Root, "report.json"), report);
        if (policy is not null)
            File.WriteAllText(Path.Combine(build.Root, "scan-policy.json"), policy);
        if (artifactsIsAFile)
            File.WriteAllText(Path.Combine(build.Root, "artifacts"), "a file where the folder should be");

        var (code, output) = await build.RunAsync(null, "Scan", "--scan-report", "report.json");

        Assert.Equal(1, code);
        Assert.Contains(expected, output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(build.Root, "artifacts", "scan")));
    }

    [Fact]
    public async Task A_given_report_is_judged_by_the_policy_and_its_sarif_written_either_way()
    {
        using var build = new CompiledBuild();
        File.WriteAllText(Path.Combine(build.Root, "report.json"), Scanning.TrivyReportTests.Sample);

        var (failed, output) = await build.RunAsync(null, "Scan", "--scan-report", "report.json");
        Assert.Equal(1, failed);
        Assert.Contains("Scan failed: 3 at HIGH/CRITICAL (1 vulnerability, 1 misconfiguration, 1 secret) (policy: scan-policy.json; reports: artifacts/scan)", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(build.Root, "artifacts", "scan", "scan.sarif")));

        File.WriteAllText(Path.Combine(build.Root, "scan-policy.json"), """
            { "accepted": [
              { "id": "CVE-2024-0001", "reason": "r", "expires": "2099-01-01" },
              { "id": "DS002", "reason": "r", "expires": "2099-01-01" },
              { "id": "aws-access-key-id", "reason": "r", "expires": "2099-01-01" } ] }
            """);
        var (passed, _) = await build.RunAsync(null, "Scan", "--scan-report", "report.json");
        Assert.Equal(0, passed);
    }

    [Fact]
    public async Task PushEcr_without_a_built_image_says_to_run_BuildImage()
    {
        using var build = new CompiledBuild();

        var (code, output) = await build.RunAsync(null, "PushEcr", "--skip", "--image-registry", "Local");

        Assert.Equal(1, code);
        Assert.Contains("PushEcr failed: artifacts/image.json does not exist: run BuildImage first", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PushEcr_without_aws_credentials_is_one_line_saying_what_to_set()
    {
        using var build = new CompiledBuild();
        new ImageRecord("app", ["1.0.0"], "sha256:" + new string('0', 64), "content-0").Write(new Engine.AbsolutePath(Path.Combine(build.Root, "artifacts")).CreateDirectory());

        var (code, output) = await build.RunAsync(NoAwsCredentials.In(build.Root), "PushEcr", "--skip", "--aws-region", "us-east-1");

        Assert.Equal(1, code);
        Assert.Contains("PushEcr failed: No AWS credentials found (environment, web identity, profile, container, instance metadata): set AWS_ACCESS_KEY_ID", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [EcrFact]
    public async Task PushEcr_for_staging_ensures_the_repository_logs_in_by_standard_input_and_records_the_registrys_digest()
    {
        using var fixture = new FixtureImage();
        using var build = new CompiledBuild();
        var image = await fixture.BuildAsync();
        image.Write(new Engine.AbsolutePath(Path.Combine(build.Root, "artifacts")).CreateDirectory());
        var registry = Services.Address(Services.Registry);
        var environment = new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL"] = Services.Address(Services.Moto),
            ["AWS_ACCESS_KEY_ID"] = "test",
            ["AWS_SECRET_ACCESS_KEY"] = "test-secret-key",
        };

        var (code, output) = await build.RunAsync(environment, "PushEcr", "--skip", "--verbosity", "Verbose", "--aws-region", "us-east-1",
            "--image-repository", fixture.Repository, "--ecr-registry-endpoint", registry);

        Assert.True(code == 0, output);
        Assert.Contains($"created ECR repository 123456789012.dkr.ecr.us-east-1.amazonaws.com/{fixture.Repository} (immutable tags, scan on push)", output, StringComparison.Ordinal);
        Assert.Contains($"docker login {registry} --username AWS --password-stdin", output, StringComparison.Ordinal);
        Assert.DoesNotContain("123456789012-auth-token", output, StringComparison.Ordinal); // moto's ECR password
        Assert.DoesNotContain("test-secret-key", output, StringComparison.Ordinal);
        using var record = JsonDocument.Parse(File.ReadAllText(Path.Combine(build.Root, "artifacts", "image.json")));
        var digest = record.RootElement.GetProperty("digest").GetString()!;
        Assert.Matches($"^{System.Text.RegularExpressions.Regex.Escape($"{registry}/{fixture.Repository}")}@sha256:[0-9a-f]{{64}}$", digest);
        Assert.Equal(digest, File.ReadAllText(Path.Combine(build.Root, "artifacts", "outputs", "image-digest.txt")));
        Assert.Equal(digest.Split('@')[1], await RegistryProbe.ManifestDigest(registry, fixture.Repository, image.ContentTag));
    }
}
