namespace BuildTests.Architecture;

/// <summary>
/// The top-level folders of build/ depend on each other in one direction only: a folder can be read, changed and
/// composed without the ones that use it. A cycle fails here with each step's evidence (the types used).
/// </summary>
public sealed class FolderDependencyTests
{
    /// <summary>
    /// Back edges still there, each to be removed by the work named beside it (issue 17's roles): the test fails
    /// when one is gone, so the list only shrinks, and when any other edge closes a cycle.
    /// </summary>
    private static readonly (string From, string To, string Until)[] KnownBackEdges =
    [
        ("Database", "Delivery", "MigrateDb's ECS task (Database/Aws) uses Delivery/Ecs's EcsNames, IHazEcs and Color: gone when the one-off task and backups are platform roles under build/Platforms/Ecs"),
    ];

    private static readonly Lazy<FolderDependencies> Build = new(() => FolderDependencies.Of(TestPaths.RepositoryRoot / "build"));

    [Fact]
    public void No_top_level_folder_of_the_build_depends_on_itself_through_others()
    {
        var cycle = Build.Value.Without(KnownBackEdges.Select(e => (e.From, e.To))).FindCycle();

        Assert.True(cycle is null, cycle is null ? "" : "folders in a cycle: " + string.Join("; ", cycle.Zip(cycle.Skip(1), Build.Value.Describe)));
    }

    [Fact]
    public void Each_known_back_edge_is_still_there_until_its_work_removes_it()
    {
        foreach (var (from, to, until) in KnownBackEdges)
            Assert.True(Build.Value.Edges.TryGetValue(from, out var uses) && uses.ContainsKey(to), $"{from} → {to} is gone: remove it from KnownBackEdges ({until})");
    }

    [Fact]
    public void The_graph_is_read_from_what_names_bind_to()
    {
        var edges = Build.Value.Edges;

        // Sure edges of today's build: DeployBlueGreen's images, Release's GitHub client, the hosting map.
        Assert.Contains("IBuildImage", edges["Delivery"]["Images"]);
        Assert.Contains("GitHubClient", edges["Release"]["GitHub"]);
        Assert.Contains("IHazHosting", edges["Delivery"]["Hosting"]);
        // A member named like a type is not the type: HostingPlatform.Ecs is a field, not build/Aws's Ecs client.
        Assert.False(edges.TryGetValue("Hosting", out var hosting) && hosting.ContainsKey("Aws"), "Hosting → Aws read from a field's name");
    }

    [Fact]
    public void A_cycle_is_found_and_named()
    {
        var withCycle = Build.Value.Without(KnownBackEdges.Select(e => (e.From, e.To))).With(("Images", "Delivery"));

        var cycle = withCycle.FindCycle();

        Assert.NotNull(cycle);
        Assert.Equal(cycle[0], cycle[^1]);
        Assert.Contains("Images", cycle);
    }
}
