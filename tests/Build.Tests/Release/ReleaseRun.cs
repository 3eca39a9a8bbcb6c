using BuildTests.Cli;

namespace BuildTests.Release;

/// <summary>
/// `./build.sh Release` as a user runs it: the compiled build in a real repository whose remote is a bare repository,
/// with the token, repository and asset the recorded GitHub exchanges expect. Every run asserts the token never shows.
/// </summary>
internal sealed class ReleaseRun : IDisposable
{
    public const string DeadApi = "http://127.0.0.1:1/"; // nothing listens: a run stops after pushing the tag
    private const string GitHubRepository = "octokit-fixture-org/release-assets";
    private const string Asset = "artifacts/test-upload.txt";

    private readonly CompiledBuild build = new();

    public ReleaseRun()
    {
        Repository = new TestRepository(build.Root);
        Directory.CreateDirectory(Path.Combine(build.Root, "artifacts"));
        // The file the recorded upload carries, byte for byte.
        File.WriteAllText(Path.Combine(build.Root, Asset), "Hello, world!\n");
    }

    public TestRepository Repository { get; }

    public string Root => build.Root;

    public void Dispose()
    {
        Repository.Dispose();
        build.Dispose();
    }

    /// <summary>Runs Release; later arguments override the defaults (the API URL is a dead one unless given).</summary>
    public async Task<(int Code, string Output)> ReleaseAsync(params string[] arguments)
    {
        var environment = new Dictionary<string, string>(TestRepository.IsolatedEnvironment)
        {
            // The test run may itself be on GitHub Actions, whose variables the parameters would read.
            ["GITHUB_TOKEN"] = "",
            ["GITHUB_REPOSITORY"] = "",
            ["GITHUB_API_URL"] = "",
            ["GITHUB_SERVER_URL"] = "",
            ["NO_COLOR"] = "1",
        };
        (string Option, string Value)[] defaults =
            [("--github-repository", GitHubRepository), ("--github-token", GitHubFixtures.Token), ("--release-assets", $"{Asset}#test"), ("--github-api-url", DeadApi)];
        // A test's own value replaces the default: the build refuses an option given twice.
        var kept = defaults.Where(d => !arguments.Contains(d.Option)).SelectMany(d => new[] { d.Option, d.Value });
        var (code, output) = await build.RunAsync(environment, ["Release", .. kept, .. arguments]);
        Assert.DoesNotContain(GitHubFixtures.Token, output, StringComparison.Ordinal);
        return (code, output);
    }

    /// <summary>Exit code 2, the one line expected (its start), and the repository and its remote unchanged.</summary>
    public async Task AssertRefusedAsync(string expectedLine, params string[] arguments)
    {
        var before = Repository.State();

        var (code, output) = await ReleaseAsync(arguments);

        Assert.Equal(2, code);
        Assert.StartsWith(expectedLine, Assert.Single(output.Trim().Split('\n')), StringComparison.Ordinal);
        Assert.Equal(before, Repository.State());
    }

    /// <summary>v1.0.0 released, then a feature and a fix on main, pushed.</summary>
    public void ReleasedOnceAndChanged()
    {
        Repository.Tag("v1.0.0");
        Repository.Commit("feat: search notes");
        Repository.Commit("fix: empty titles crash");
        Repository.Push();
    }

    /// <summary>A release of v1.0.0 that a GitHub outage stopped after the commit and tag were pushed.</summary>
    public async Task StopAfterTagPushAsync()
    {
        Repository.Commit("feat: search notes");
        Repository.Push();
        var (code, output) = await ReleaseAsync("--version", "1.0.0");
        Assert.Equal(1, code);
        Assert.Equal("v1.0.0", Repository.RemoteGit("tag", "--list"));
        Assert.Contains("Release failed", output, StringComparison.Ordinal);
    }

    /// <summary>A clone of the remote with only its last commit, under artifacts/ (ignored by the repository).</summary>
    public string CloneShallow()
    {
        var clone = Path.Combine(build.Root, "artifacts", "clone");
        TestRepository.Run(build.Root, "clone", "--quiet", "--depth", "1", Repository.RemoteUrl, clone);
        Assert.Equal("true", TestRepository.Run(clone, "rev-parse", "--is-shallow-repository"));
        return clone;
    }
}
