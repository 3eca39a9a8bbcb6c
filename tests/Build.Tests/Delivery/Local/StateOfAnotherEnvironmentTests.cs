using System.Text.Json.Nodes;
using Engine;

namespace BuildTests.Delivery.Local;

/// <summary>
/// Whose state.json it is, on the real engine: a state that cannot describe the running environment (recorded in
/// another, or written before it was made, by a build from before environment ids) is set aside unless the live
/// color's container is on this engine; one whose container is there describes this environment and is kept.
/// </summary>
public sealed class StateOfAnotherEnvironmentTests(ServiceImages images) : IClassFixture<ServiceImages>, IDisposable
{
    private static readonly string Release = "127.0.0.1:5000/app@sha256:" + new string('a', 64);
    private readonly AbsolutePath root = new(Directory.CreateTempSubdirectory("env-").FullName);

    [LocalPlatformFact]
    public async Task A_state_from_before_environment_ids_written_before_this_environment_was_made_is_set_aside_whole()
    {
        await using var environment = new LocalEnvironment(settings => settings with { EnvironmentRoot = root });
        var state = environment.StateDirectory / "state.json";
        var legacy = $$"""{ "live": { "color": "blue", "image": "{{Release}}", "version": "0.9.0" } }""";
        File.WriteAllText(state, legacy);
        File.SetLastWriteTimeUtc(state, DateTime.UtcNow.AddHours(-1));
        MakeEnvironment("5e6f7a8b90abcdef");

        Assert.Equal(EnvironmentState.Empty, await environment.Platform.ReadStateAsync(CancellationToken.None));

        var archived = Assert.Single(Directory.GetFiles(environment.StateDirectory / "archive"));
        Assert.Matches(@"/archive/state-\d{8}T\d{6}Z\.json$", archived);
        Assert.Equal(legacy, File.ReadAllText(archived));
        Assert.False(File.Exists(state));
        await environment.Platform.WriteStateAsync(new EnvironmentState { Live = new ColorRelease(Color.Green, Release) }, CancellationToken.None);
        Assert.Equal("5e6f7a8b90abcdef", JsonNode.Parse(File.ReadAllText(state))!["environmentId"]!.GetValue<string>());
    }

    [LocalPlatformFact]
    public async Task A_state_recorded_in_another_environment_whose_live_container_is_on_this_engine_is_kept_and_adopted()
    {
        await using var environment = new LocalEnvironment(settings => settings with { EnvironmentRoot = root });
        await environment.StageHealthyAsync(Color.Blue, images.First);
        var live = new EnvironmentState { Live = new ColorRelease(Color.Blue, images.First.ToString(), "1.0.0-blue") };
        new StateFile(environment.StateDirectory / "state.json").Write(live, "0123456789abcdef");
        MakeEnvironment("fedcba9876543210");

        Assert.Equal(live, await environment.Platform.ReadStateAsync(CancellationToken.None));

        Assert.False(Directory.Exists(environment.StateDirectory / "archive"));
        Assert.Equal("fedcba9876543210", new StateFile(environment.StateDirectory / "state.json").ReadStored().EnvironmentId);
    }

    [Fact]
    public async Task Without_an_environment_id_or_with_its_own_the_state_is_read_as_it_is()
    {
        await using var environment = new LocalEnvironment(settings => settings with { EnvironmentRoot = root });
        var live = new EnvironmentState { Live = new ColorRelease(Color.Blue, Release) };
        new StateFile(environment.StateDirectory / "state.json").Write(live, "0123456789abcdef");

        Assert.Equal(live, await environment.Platform.ReadStateAsync(CancellationToken.None)); // no id in the root: nothing to judge by
        MakeEnvironment("0123456789abcdef");
        Assert.Equal(live, await environment.Platform.ReadStateAsync(CancellationToken.None));
        Assert.False(Directory.Exists(environment.StateDirectory / "archive"));
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    private void MakeEnvironment(string id) => File.WriteAllText(root / LocalEnvironmentId.FileName, id + "\n");
}
