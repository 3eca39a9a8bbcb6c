namespace BuildTests.Delivery;

/// <summary>
/// A platform in memory for the state machine's decisions: each color runs an image with a chosen behaviour
/// (healthy, never healthy, exits, serves errors, slow), traffic arrives at 100 requests per sample split by the
/// weights, and every weight change is recorded so a test can prove where traffic went.
/// </summary>
internal sealed class InMemoryPlatform : IDeploymentPlatform
{
    private readonly Dictionary<Color, Slot> slots = new() { [Color.Blue] = new Slot(), [Color.Green] = new Slot() };
    private TrafficWeights weights = TrafficWeights.AllOn(Color.Blue);

    public string Description => "in memory";
    public Uri PublicAddress { get; } = new("http://public.test/");
    public Uri TestAddress { get; } = new("http://test.test/");

    public EnvironmentState State { get; set; } = EnvironmentState.Empty;
    public DeployLock? Lock { get; set; }
    public Color? TestRoute { get; private set; }
    public List<TrafficWeights> WeightHistory { get; } = [];
    public List<EnvironmentState> StateWrites { get; } = [];
    public List<Color> Stopped { get; } = [];
    public int Stages { get; private set; }

    /// <summary>How the next image staged on a color behaves.</summary>
    public Behaviour NextBehaviour { get; set; } = Behaviour.Good;

    /// <summary>When set, the router applies these weights whatever it is asked (a router that ignores changes).</summary>
    public TrafficWeights? StuckWeights { get; set; }

    public bool Unreachable { get; set; }

    public TrafficWeights Weights => weights;

    public ColorStatus Status(Color color) => Observe(color);

    /// <summary>Puts a release on a color as if a deploy had left it there.</summary>
    public void Run(Color color, string image, Behaviour behaviour = Behaviour.Good) => slots[color] = new Slot { Image = image, Behaviour = behaviour, Running = true };

    public void SetWeightsDirectly(TrafficWeights value) => weights = value;

    /// <summary>Requests that reach the color besides the 100 per sample (a client of the public address); an erroring color answers 5xx to them.</summary>
    public void Serve(Color color, int requests)
    {
        var slot = slots[color];
        slot.Requests += requests;
        slot.Errors += slot.Behaviour == Behaviour.ServesErrors ? requests : 0;
    }

    /// <summary>The color's instances end behind the deploy's back (an engine restart, a reboot, a kill by hand).</summary>
    public void Crash(Color color) => slots[color] = slots[color] with { Running = false };

    public Task CheckReachableAsync(CancellationToken cancellation) =>
        Unreachable ? throw new DeploymentFailedException("router at 127.0.0.1:1 not reachable: connection refused") : Task.CompletedTask;

    public Task<EnvironmentState> ReadStateAsync(CancellationToken cancellation) => Task.FromResult(State);

    public Task WriteStateAsync(EnvironmentState state, CancellationToken cancellation)
    {
        State = state;
        StateWrites.Add(state);
        return Task.CompletedTask;
    }

    public Task<DeployLock?> TryAcquireLockAsync(DeployLock wanted, DeployLock? replacing, CancellationToken cancellation)
    {
        if (Lock is not null && Lock != replacing)
            return Task.FromResult<DeployLock?>(Lock);
        Lock = wanted;
        return Task.FromResult<DeployLock?>(null);
    }

    public Task ReleaseLockAsync(DeployLock held, CancellationToken cancellation)
    {
        if (Lock == held)
            Lock = null;
        return Task.CompletedTask;
    }

    public Task<int> CapacityAsync(Color color, CancellationToken cancellation) => Task.FromResult(slots[color].Running ? 1 : 0);

    public Task StageAsync(Color color, StageRequest request, CancellationToken cancellation)
    {
        Stages++;
        slots[color] = new Slot { Image = request.Image.ToString(), Behaviour = NextBehaviour, Running = NextBehaviour != Behaviour.Exits };
        return Task.CompletedTask;
    }

    public Task<ColorStatus> ObserveAsync(Color color, CancellationToken cancellation) => Task.FromResult(Observe(color));

    public Task<HealthReading> CheckHealthAsync(Color color, CancellationToken cancellation)
    {
        var slot = slots[color];
        var healthy = slot.Running && slot.Behaviour != Behaviour.NeverHealthy;
        return Task.FromResult(new HealthReading(healthy, healthy ? "UP" : "DOWN: L7STS/503"));
    }

    public Task SetWeightsAsync(TrafficWeights value, CancellationToken cancellation)
    {
        weights = StuckWeights ?? value;
        WeightHistory.Add(weights);
        return Task.CompletedTask;
    }

    public Task<TrafficWeights> ReadWeightsAsync(CancellationToken cancellation) => Task.FromResult(weights);

    public Task RouteTestTrafficAsync(Color color, CancellationToken cancellation)
    {
        TestRoute = color;
        return Task.CompletedTask;
    }

    /// <summary>Each sample adds 100 requests split by the weights; an erroring color answers 5xx to all of its share.</summary>
    public Task<TrafficSample> SampleAsync(Color color, CancellationToken cancellation)
    {
        Serve(color, weights.For(color));
        var slot = slots[color];
        return Task.FromResult(new TrafficSample(slot.Requests, slot.Errors, slot.Behaviour == Behaviour.Slow ? 2000 : 5));
    }

    public Task StopAsync(Color color, TimeSpan drain, CancellationToken cancellation)
    {
        Stopped.Add(color);
        slots[color] = slots[color] with { Running = false };
        return Task.CompletedTask;
    }

    public Task<string?> NotReadyAsync(CancellationToken cancellation) => Task.FromResult(Unreachable ? "in memory: unreachable" : null);

    public Task<EnvironmentState> PeekStateAsync(CancellationToken cancellation) => Task.FromResult(State);

    public Task<DeployLock?> PeekLockAsync(CancellationToken cancellation) => Task.FromResult(Lock);

    public Task<ColorDefinition?> DefinitionAsync(Color color, CancellationToken cancellation) =>
        Task.FromResult(slots[color] is { Running: true, Image: { } image } ? new ColorDefinition(image, ["APP_COLOR"], null, null, [color == Color.Blue ? 1 : 2]) : null);

    public Task<ColorDefinition> StagedDefinitionAsync(Color color, string image, string? version, string? commit, CancellationToken cancellation) =>
        Task.FromResult(new ColorDefinition(image, ["APP_COLOR"], null, null, [color == Color.Blue ? 1 : 2]));

    private ColorStatus Observe(Color color)
    {
        var slot = slots[color];
        if (slot.Behaviour == Behaviour.Exits && slot.Image is not null)
            return new ColorStatus(ColorState.Failed, "exited", slot.Image, ExitCode: 139, LastLogLines: ["Unhandled exception: boom"]);
        return slot.Running ? new ColorStatus(ColorState.Running, "running", slot.Image) : new ColorStatus(ColorState.Stopped, "stopped", slot.Image);
    }

    private sealed record Slot
    {
        public string? Image { get; init; }
        public Behaviour Behaviour { get; init; }
        public bool Running { get; init; }
        public long Requests { get; set; }
        public long Errors { get; set; }
    }
}

internal enum Behaviour
{
    Good,
    NeverHealthy,
    Exits,
    ServesErrors,
    Slow,
}
