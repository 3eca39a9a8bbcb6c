using Engine;
using Pipeline.Database;
using Pipeline.Delivery;
using Pipeline.Hosting;
using Pipeline.Recovery;

namespace Pipeline.Platforms.Local;

/// <summary>
/// The local platform as a build's deployment platform: its ports, names and state folder as parameters, and the
/// service's database (DATABASE_URL) passed to the containers. Environments other than local need the ECS platform
/// (<see cref="IHazDeploymentPlatforms"/> picks by environment).
/// </summary>
public interface IHazLocalPlatform : IHazDeployment, IHazLocalDatabase, IHazRecoveryDrillPlatform
{
    [Parameter("Name of the local environment's containers and state: <name>-local-blue …")]
    string LocalAppName => TryGetValue(() => LocalAppName) ?? "app";

    [Parameter("Port of the local router's public listener on 127.0.0.1")]
    int LocalPublicPort => TryGetValue<int>(() => LocalPublicPort) ?? 8080;

    [Parameter("Port of the local router's test listener, which reaches the idle color")]
    int LocalTestPort => TryGetValue<int>(() => LocalTestPort) ?? 8081;

    [Parameter("Port the blue color listens on")]
    int LocalBluePort => TryGetValue<int>(() => LocalBluePort) ?? 5101;

    [Parameter("Port the green color listens on")]
    int LocalGreenPort => TryGetValue<int>(() => LocalGreenPort) ?? 5102;

    [Parameter("Folder of the local environment's state, lock and router", DefaultText = "~/.local/state/app-pipeline/<name>-local")]
    string? LocalStateDirectory => TryGetValue(() => LocalStateDirectory);

    [Parameter("NAME=value variables set on every container the local platform starts (fault drills: APP_FAULT=errors)")]
    string[] LocalContainerVariables => TryGetValue(() => LocalContainerVariables) ?? [];

    IDeploymentPlatform IHazDeployment.CreateDeploymentPlatform() => CreateLocalPlatform();

    IDeploymentPlatform CreateLocalPlatform()
    {
        RequireHostedOn(HostingPlatform.Local, "the local platform (this machine's Docker and HAProxy)");
        return new LocalPlatform(LocalSettings());
    }

    IRecoveryDrillPlatform IHazRecoveryDrillPlatform.CreateRecoveryDrillPlatform() => CreateLocalRecoveryDrill();

    IRecoveryDrillPlatform CreateLocalRecoveryDrill()
    {
        RequireHostedOn(HostingPlatform.Local, "the local recovery drill (this machine's PostgreSQL and Docker)");
        return new LocalRecoveryDrill(LocalSettings(), DatabaseTargetChecks.Address(this, "RecoveryDrill"), new Backups(BackupsDirectory), TemporaryDirectory / "drill");
    }

    private LocalPlatformSettings LocalSettings() =>
        new()
        {
            App = LocalAppName,
            StateDirectory = LocalStateDirectory is { } folder ? RootDirectory / folder : null,
            EnvironmentRoot = LocalEnvironmentId.DefaultRoot(),
            PublicPort = LocalPublicPort,
            TestPort = LocalTestPort,
            BluePort = LocalBluePort,
            GreenPort = LocalGreenPort,
            ContainerEnvironment = DatabaseUrl is { Length: > 0 } url ? new Dictionary<string, string> { ["DATABASE_URL"] = url } : new Dictionary<string, string>(),
            ExtraContainerVariables = LocalContainerVariables.Select(Variable).ToDictionary(v => v.Name, v => v.Value),
        };

    private static (string Name, string Value) Variable(string text) =>
        text.Split('=', 2) is [var name, var value] && name.Length > 0
            ? (name, value)
            : throw new InvalidOperationException($"local container variable '{text}' is not NAME=value");
}
