using System.Diagnostics;
using Engine;

namespace BuildTests.Images;

/// <summary>
/// A small image to build on the shared engine: a Dockerfile on the test's base image that copies one file, in a
/// temporary root, under a repository name of its own. Its local images are removed afterwards.
/// </summary>
internal sealed class FixtureImage : IDisposable
{
    public FixtureImage()
    {
        Root = TestPaths.NewTemporaryRoot();
        Service = (Root / "service").CreateDirectory();
        File.WriteAllText(Service / "Dockerfile", "ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nCOPY service/hello.txt /hello.txt\nUSER 1654\n");
        File.WriteAllText(Service / "hello.txt", "hello\n");
        File.WriteAllText(Root / ".dockerignore", "*\n!service/hello.txt\n");
    }

    public AbsolutePath Root { get; }
    public AbsolutePath Service { get; }
    public string Repository { get; } = "test-" + Guid.NewGuid().ToString("N")[..10];
    public int Preparations { get; private set; }

    public ImageRecipe Recipe => new(Repository, Service / "Dockerfile", Root, [Service, Root / ".dockerignore"], Services.BaseImage)
    {
        Prepare = _ =>
        {
            Preparations++;
            return Task.CompletedTask;
        },
    };

    public Task<ImageRecord> BuildAsync(string version = "1.2.3") =>
        new ImageBuilder(Root, Root / ".nuke" / "temp").BuildAsync(Recipe, version, CancellationToken.None);

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
