using System.Diagnostics;
using Engine;

namespace BuildTests.Images;

/// <summary>
/// A small image to build on the shared engine: a Dockerfile on the test's base image that copies one file and keeps
/// the stamp as the service's Dockerfile does (APP_VERSION, APP_COMMIT), in a temporary root, under a repository name
/// of its own. Its local images are removed afterwards.
/// </summary>
internal sealed class FixtureImage : IDisposable
{
    public FixtureImage()
    {
        Root = TestPaths.NewTemporaryRoot();
        Service = (Root / "service").CreateDirectory();
        File.WriteAllText(Service / "Dockerfile", """
            ARG BASE_IMAGE
            FROM ${BASE_IMAGE}
            COPY service/hello.txt /hello.txt
            ARG APP_VERSION=
            ARG APP_COMMIT=
            ENV APP_VERSION=${APP_VERSION} APP_COMMIT=${APP_COMMIT}
            USER 1654

            """);
        File.WriteAllText(Service / "hello.txt", "hello\n");
        File.WriteAllText(Root / ".dockerignore", "*\n!service/hello.txt\n");
    }

    public AbsolutePath Root { get; }
    public AbsolutePath Service { get; }
    public string Repository { get; } = "test-" + Guid.NewGuid().ToString("N")[..10];
    public int Preparations { get; private set; }

    /// <summary>The stamp each preparation (the publish, for the service) was given.</summary>
    public List<ImageStamp> Stamps { get; } = [];

    public ImageRecipe Recipe => new(Repository, Service / "Dockerfile", Root, [Service, Root / ".dockerignore"], Services.BaseImage)
    {
        Prepare = (stamp, _) =>
        {
            Preparations++;
            Stamps.Add(stamp);
            return Task.CompletedTask;
        },
    };

    /// <summary>The build's temporary folder, where BuildImage's builder and pusher keep their work files.</summary>
    public AbsolutePath Temp => Root / ".nuke" / "temp";

    public Task<ImageRecord> BuildAsync(string version = "1.2.3") =>
        new ImageBuilder(Root, Temp).BuildAsync(Recipe, version, CancellationToken.None);

    /// <summary>A pusher as BuildImage's, its work files in <see cref="Temp"/>.</summary>
    public ImagePusher Pusher() => new(Temp);

    /// <summary>This fixture's repository in <paramref name="registry"/>, pushed to without a login.</summary>
    public PushDestination In(string registry) => new(registry, Repository, null);

    /// <summary>Makes the root a git repository (isolated from the machine's git configuration) and commits everything; returns the commit.</summary>
    public string Commit(string message)
    {
        if (!Directory.Exists(Root / ".git"))
        {
            Release.TestRepository.Run(Root, "init", "--quiet", "--initial-branch=main");
            Release.TestRepository.Run(Root, "config", "user.name", "Test Author");
            Release.TestRepository.Run(Root, "config", "user.email", "author@example.com");
            File.WriteAllText(Root / ".gitignore", ".nuke/\n");
        }

        Release.TestRepository.Run(Root, "add", "--all");
        Release.TestRepository.Run(Root, "commit", "--quiet", "--allow-empty", "-m", message);
        return Release.TestRepository.Run(Root, "rev-parse", "HEAD");
    }

    /// <summary>An environment variable of an image's configuration (what the container starts with).</summary>
    public static string? ImageEnvironment(string reference, string name) =>
        Docker("image", "inspect", "--format", "{{range .Config.Env}}{{println .}}{{end}}", reference)
            .Split('\n').FirstOrDefault(line => line.StartsWith(name + "=", StringComparison.Ordinal))?[(name.Length + 1)..];

    /// <summary>docker's own answer, for checks independent of the code under test.</summary>
    public static string Docker(params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOCKER_EXE") is { Length: > 0 } exe ? exe : "docker")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output.Trim() : throw new InvalidOperationException($"docker {string.Join(" ", arguments)}: {process.StandardError.ReadToEnd()}");
    }

    public void Dispose()
    {
        try
        {
            var references = Docker("image", "ls", "--format", "{{.Repository}}:{{.Tag}}").Split('\n')
                .Where(r => r.Contains(Repository, StringComparison.Ordinal)).ToArray();
            if (references.Length > 0)
                Docker(["rmi", "--force", .. references]);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // No engine (a skipped test) or the images are gone already: nothing to clean.
        }

        Directory.Delete(Root, recursive: true);
    }
}
