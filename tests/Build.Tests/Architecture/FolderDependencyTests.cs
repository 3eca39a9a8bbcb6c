namespace BuildTests.Architecture;

/// <summary>
/// The top-level folders of build/ depend on each other in one direction only: a folder can be read, changed and
/// composed without the ones that use it. A cycle fails here with each step's evidence (the types used).
/// </summary>
public sealed class FolderDependencyTests
{
    private static readonly Lazy<FolderDependencies> Build = new(() => FolderDependencies.Of(TestPaths.RepositoryRoot / "build"));

    [Fact]
    public void No_top_level_folder_of_the_build_depends_on_itself_through_others()
    {
        var cycle = Build.Value.FindCycle();

        Assert.True(cycle is null, cycle is null ? "" : "folders in a cycle: " + string.Join("; ", cycle.Zip(cycle.Skip(1), Build.Value.Describe)));
    }

    /// <summary>What a deploy, a migration, an image push and the engine do is written against the hosting roles: the platforms and the AWS clients depend on them, never the other way.</summary>
    [Theory]
    [InlineData("Delivery")]
    [InlineData("Database")]
    [InlineData("Engine")]
    [InlineData("Hosting")]
    [InlineData("Images")]
    public void A_platform_free_folder_uses_no_platform_and_no_AWS(string folder)
    {
        var uses = Build.Value.Edges.TryGetValue(folder, out var edges) ? edges : [];

        foreach (var platformSpecific in new[] { "Platforms", "Aws" })
            Assert.False(uses.ContainsKey(platformSpecific), uses.ContainsKey(platformSpecific) ? Build.Value.Describe(folder, platformSpecific) : "");
    }

    [Fact]
    public void The_graph_is_read_from_what_names_bind_to()
    {
        var edges = Build.Value.Edges;

        // Sure edges of today's build: DeployBlueGreen's release image, Release's GitHub client, the hosting map.
        Assert.Contains("IHazReleaseImage", edges["Delivery"]["Images"]);
        Assert.Contains("GitHubClient", edges["Release"]["GitHub"]);
        Assert.Contains("IHazHosting", edges["Delivery"]["Hosting"]);
        // A member named like a type is not the type: HostingPlatform.Ecs is a field, not the namespace of build/Platforms/Ecs.
        Assert.False(edges.TryGetValue("Hosting", out var hosting) && hosting.ContainsKey("Aws"), "Hosting → Aws read from a field's name");
    }

    /// <summary>Octokit is behind one class, which answers in the build's own types: the rest is written against those.</summary>
    [Fact]
    public void Octokit_is_used_by_the_GitHub_client_alone()
    {
        var users = Build.Value.Assemblies.TryGetValue("Octokit", out var files) ? files : [];

        Assert.Equal(["GitHub/GitHubClient.cs"], users);
    }

    /// <summary>Docker.DotNet likewise: the engine's API is called from one class, in the build's own types.</summary>
    [Fact]
    public void Docker_DotNet_is_used_by_the_engine_API_class_alone()
    {
        var users = Build.Value.Assemblies.TryGetValue("Docker.DotNet", out var files) ? files : [];

        // The class is partial: its files are named DockerEngineApi.cs and DockerEngineApi.<part>.cs.
        Assert.NotEmpty(users);
        Assert.All(users, file => Assert.Matches(@"^Tools/DockerEngineApi(\.\w+)?\.cs$", file));
        Assert.Contains("Tools/DockerEngineApi.cs", users);
    }

    [Fact]
    public void A_cycle_is_found_and_named()
    {
        var withCycle = Build.Value.With(("Images", "Delivery"));

        var cycle = withCycle.FindCycle();

        Assert.NotNull(cycle);
        Assert.Equal(cycle[0], cycle[^1]);
        Assert.Contains("Images", cycle);
    }
}
