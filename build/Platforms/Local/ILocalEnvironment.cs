using Engine;
using Pipeline.Database;
using Pipeline.Delivery;
using Pipeline.Hosting;
using Pipeline.Images;
using Pipeline.Scanning;

namespace Pipeline.Platforms.Local;

/// <summary>
/// The LocalEnvironment component: build/services/local-environment.sh up, from the build, so that a local delivery
/// (DeployLocal) can depend on it. It starts what the local environment needs and is missing (Docker engine, the offline
/// base image, registry, PostgreSQL, Trivy), leaves alone what answers, and what it starts keeps running after the build.
/// It belongs to the local environment (invoking it selects it): .nuke/parameters.local.json holds the addresses it provides. The build's Docker calls
/// reach the engine the process environment names (DOCKER_HOST, else the default socket), which is the one it provides.
/// </summary>
public interface ILocalEnvironment : IBuild
{
    const string LocalProfile = EnvironmentNames.Local;

    /// <summary>The script; another repository composing this component points it at its own copy.</summary>
    AbsolutePath LocalEnvironmentScript => RootDirectory / "build" / "services" / "local-environment.sh";

    Target LocalEnvironment => _ => _
        .Description("Start what the local environment needs and is missing: Docker engine, registry, PostgreSQL, Trivy")
        .ForProfile(LocalProfile)
        .TryBefore<IBuildImage>(x => x.BuildImage)
        .TryBefore<IMigrateDb>(x => x.MigrateDb)
        .TryBefore<IScan>(x => x.Scan)
        .TryBefore<IDeployBlueGreen>(x => x.DeployBlueGreen)
        .Executes(async cancellation =>
        {
            // The base image the build will use (--base-image counts): the script makes the offline one only when it is that.
            var environment = new Dictionary<string, string?>();
            if (this is IBuildImage image)
                environment["BASE_IMAGE"] = image.BaseImage;
            // The first run may install packages and make the base image (minutes); a wait for another run's lock is bounded by the script.
            var invocation = new ToolInvocation("bash", [LocalEnvironmentScript, "up"]) { Environment = environment, Timeout = TimeSpan.FromMinutes(30) };
            var result = await ToolRunner.RunUncheckedAsync(invocation, cancellation);
            if (result.ExitCode != 0)
                throw new InvalidOperationException(LocalEnvironmentReport.Failure(result));
            ReportSummary(LocalEnvironmentReport.Summary(result.Output));
        });
}
