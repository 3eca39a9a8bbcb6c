using Engine;

namespace BuildTests.LocalEnvironment;

/// <summary>How the LocalEnvironment target reads the script: the summary line from the service lines, the failure from the last error line.</summary>
public sealed class LocalEnvironmentReportTests
{
    [Fact]
    public void The_summary_lists_each_service_and_its_state()
    {
        string[] output =
        [
            "docker: started, unix:///var/run/docker.sock (engine 20.10.24+dfsg1; data in /var/lib/app-pipeline/docker)",
            "base image: made, localhost/runtime-deps:bookworm (from Debian packages, cached in /root/.cache/app-pipeline)",
            "registry: found, 127.0.0.1:5000 (started by local-environment; data in /var/lib/app-pipeline/registry/data)",
            "postgres: initialized and started, 127.0.0.1:55432 (database app, user app, password ***; PostgreSQL 15.18)",
            "trivy: found, /usr/local/bin/trivy",
        ];

        Assert.Equal(
            "docker started, base image made, registry found, postgres initialized and started, trivy found",
            LocalEnvironmentReport.Summary(output));
    }

    [Fact]
    public void The_failure_is_the_last_error_line_without_the_script_prefix()
    {
        var result = new ToolResult(2, ["docker: found, unix:///var/run/docker.sock (engine 20.10.24)"],
        [
            "local-environment: up: /var/lib/app-pipeline",
            "local-environment: registry: 127.0.0.1:5000 is taken by something that is not an OCI registry: stop it, or set APP_LOCAL_REGISTRY_PORT (and pass --local-registry to the build)",
            "",
        ]);

        Assert.Equal(
            "registry: 127.0.0.1:5000 is taken by something that is not an OCI registry: stop it, or set APP_LOCAL_REGISTRY_PORT (and pass --local-registry to the build)",
            LocalEnvironmentReport.Failure(result));
    }

    [Fact]
    public void A_script_that_said_nothing_fails_with_its_exit_code()
    {
        Assert.Equal("local-environment.sh up exited with code 137 and said nothing", LocalEnvironmentReport.Failure(new ToolResult(137, [], [])));
    }
}
