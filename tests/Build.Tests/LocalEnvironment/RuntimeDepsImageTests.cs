using System.Diagnostics;
using Engine;

namespace BuildTests.LocalEnvironment;

/// <summary>
/// build/services/runtime-deps-image.sh heals what an earlier version of it left: a base image whose / only root can
/// read (the service's user 1654 could start nothing in it), on the engine or as the cached tarball. Each test makes
/// such a root filesystem from the engine's base image, under an image name and a cache folder of its own.
/// </summary>
[RunsLong(60)]
public sealed class RuntimeDepsImageTests : IAsyncLifetime
{
    private static readonly AbsolutePath Script = TestPaths.RepositoryRoot / "build" / "services" / "runtime-deps-image.sh";
    private readonly string id = Guid.NewGuid().ToString("N")[..8];
    private readonly AbsolutePath work = new(Path.Combine(Path.GetTempPath(), "rdi-" + Guid.NewGuid().ToString("N")[..8]));

    private string Image => $"localhost/rdi-test-{id}:bookworm";

    private AbsolutePath Cache => work / "cache";

    public Task InitializeAsync()
    {
        Cache.CreateDirectory();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await Shell($"docker image rm -f {Image} > /dev/null 2>&1 || true");
        Directory.Delete(work, recursive: true);
    }

    [DockerFact]
    public async Task An_image_on_the_engine_that_the_services_user_cannot_use_is_made_again_from_the_cache()
    {
        await RootFilesystemTarball(Cache / "runtime-deps-bookworm.tar", "0755");
        await RootFilesystemTarball(work / "closed.tar", "0700");
        await Shell($"docker import '{work / "closed.tar"}' {Image} > /dev/null");
        Assert.NotEqual(0, (await RunAsServiceUser()).ExitCode);

        var (code, errors) = await RunScript();

        Assert.True(code == 0, errors);
        Assert.Matches($"runtime-deps-image: {Regex(Image)} is on the engine but user 1654 cannot use it \\(.*[Pp]ermission denied.*\\): making it again", errors);
        Assert.Contains($"runtime-deps-image: {Image} works as user 1654", errors, StringComparison.Ordinal);
        var (exit, output) = await RunAsServiceUser();
        Assert.True(exit == 0, output);
    }

    [DockerFact]
    public async Task A_cached_tarball_whose_root_only_its_owner_can_read_is_repacked_open_with_its_files_and_owners()
    {
        var tarball = Cache / "runtime-deps-bookworm.tar";
        await RootFilesystemTarball(tarball, "0700");
        var entriesBefore = (await Shell($"tar -tvf '{tarball}' | tail -n +2 | sort")).Output;

        var (code, errors) = await RunScript();

        Assert.True(code == 0, errors);
        Assert.Contains($"runtime-deps-image: the cached {tarball} has a root folder only its owner can read (drwx------): repacking it with / at 0755", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("debootstrap", errors, StringComparison.Ordinal);
        Assert.Equal(entriesBefore, (await Shell($"tar -tvf '{tarball}' | tail -n +2 | sort")).Output); // every other entry as it was: modes, owners, sizes, times
        Assert.Contains($"runtime-deps-image: {Image} works as user 1654", errors, StringComparison.Ordinal);
        Assert.StartsWith("drwxr-xr-x", (await Shell($"tar -tvf '{tarball}' | head -n 1")).Output, StringComparison.Ordinal);
        Assert.Equal(0, (await RunAsServiceUser()).ExitCode);
    }

    /// <summary>The engine's base image's files, as runtime-deps-image.sh tars a root filesystem, with / at <paramref name="rootMode"/>.</summary>
    private async Task RootFilesystemTarball(AbsolutePath tarball, string rootMode)
    {
        var root = work / ("rootfs-" + rootMode);
        var (code, output) = await Shell(
            $"set -e; mkdir -p '{root}'; c=$(docker create {Services.BaseImage} /bin/true); docker export \"$c\" | tar -C '{root}' -x; "
            + $"docker rm \"$c\" > /dev/null; chmod {rootMode} '{root}'; tar -C '{root}' --numeric-owner -cf '{tarball}' .; rm -rf '{root}'");
        Assert.True(code == 0, output);
    }

    private Task<(int ExitCode, string Output)> RunAsServiceUser() =>
        Shell($"docker run --rm --network host --user 1654 --entrypoint /bin/sh {Image} -c 'cd / && ls /usr/lib > /dev/null'");

    private Task<(int ExitCode, string Output)> RunScript() =>
        Shell($"SERVICES_CACHE_DIR='{Cache}' bash '{Script}' {Image}");

    private static string Regex(string text) => System.Text.RegularExpressions.Regex.Escape(text);

    /// <summary>Runs a bash command; returns its exit code and its output and errors together.</summary>
    private static async Task<(int ExitCode, string Output)> Shell(string command)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        return (process.ExitCode, await output + await errors);
    }
}
