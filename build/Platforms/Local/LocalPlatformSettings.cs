using Engine;
using Pipeline.Delivery;
using Pipeline.Hosting;
using Pipeline.Tools;

namespace Pipeline.Platforms.Local;

/// <summary>
/// Where the local environment lives: its name, the state folder, and the ports of the router's listeners and of the
/// two colors (all on 127.0.0.1). The state folder is per machine, not per checkout, because the router and the
/// ports are: two checkouts deploying "app-local" share one environment, as two CI runners share one cluster.
/// </summary>
public sealed record LocalPlatformSettings
{
    public string App { get; init; } = "app";

    public string Environment { get; init; } = EnvironmentNames.Local;

    /// <summary>Default: $XDG_STATE_HOME (or ~/.local/state)/app-pipeline/&lt;app&gt;-&lt;environment&gt;.</summary>
    public AbsolutePath? StateDirectory { get; init; }

    /// <summary>
    /// The local environment's root (local-environment.sh's APP_LOCAL_ENV_DIR), whose id the state records: a state
    /// recorded in another environment is set aside (<see cref="LocalEnvironmentId"/>). Null: no environment to check against.
    /// </summary>
    public AbsolutePath? EnvironmentRoot { get; init; }

    public int PublicPort { get; init; } = 8080;

    public int TestPort { get; init; } = 8081;

    public int BluePort { get; init; } = 5101;

    public int GreenPort { get; init; } = 5102;

    /// <summary>Secrets the service needs (DATABASE_URL …): registered for masking, never on a command line.</summary>
    public IReadOnlyDictionary<string, string> ContainerEnvironment { get; init; } = new Dictionary<string, string>();

    /// <summary>Plain variables for every container staged (the tests' APP_FAULT); they win over the platform's own.</summary>
    public IReadOnlyDictionary<string, string> ExtraContainerVariables { get; init; } = new Dictionary<string, string>();

    /// <summary>The engine the containers run on: DOCKER_HOST as the build's environment has it.</summary>
    internal DockerEngine Docker { get; init; } = DockerEngine.FromEnvironment();

    public string Name => $"{App}-{Environment}";

    public AbsolutePath State => StateDirectory ?? DefaultStateDirectory(Name);

    public string ContainerName(Color color) => $"{Name}-{color.Name()}";

    public int PortOf(Color color) => color == Color.Blue ? BluePort : GreenPort;

    private static AbsolutePath DefaultStateDirectory(string name)
    {
        var root = BuildEnvironment.Get("XDG_STATE_HOME") is { Length: > 0 } state
            ? state
            : Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".local", "state");
        return new AbsolutePath(Path.Combine(root, "app-pipeline", name));
    }
}
