using System.Text.RegularExpressions;
using Engine;

namespace Pipeline.Tools;

/// <summary>
/// Typed calls of the Docker CLI, as NUKE's DockerTasks: one method per command the pipeline uses. The engine is the
/// one DOCKER_HOST names. Commands that use registry credentials take the client configuration folder, so a login
/// lives only as long as the caller keeps that folder.
/// </summary>
internal static partial class DockerCli
{
    public static async Task<ToolResult> Build(DockerBuild build, CancellationToken cancellation)
    {
        var invocation = Invocation([
                "build", build.Context,
                "--file", build.Dockerfile,
                "--iidfile", build.ImageIdFile,
                .. build.Tags.SelectMany(tag => new[] { "--tag", tag }),
                .. build.Arguments.SelectMany(a => new[] { "--build-arg", $"{a.Key}={a.Value}" }),
                .. build.Labels.SelectMany(l => new[] { "--label", $"{l.Key}={l.Value}" }),
            ]);
        var client = await DockerBuilder.Client(cancellation);
        var environment = new Dictionary<string, string?>(invocation.Environment);
        foreach (var (name, value) in client.Environment)
            environment[name] = value;
        return await ToolRunner.RunAsync(invocation with { Executable = client.Executable, Environment = environment }, cancellation);
    }

    /// <summary>The image id (sha256:…) of a local image, or null when the engine has no such image.</summary>
    public static Task<string?> ImageId(string reference, CancellationToken cancellation) => Inspect(reference, "{{.Id}}", cancellation);

    /// <summary>The tags (repository:tag) a local image has, or null when the engine has no such image.</summary>
    public static async Task<IReadOnlyList<string>?> RepositoryTags(string reference, CancellationToken cancellation) =>
        await Inspect(reference, "{{join .RepoTags \" \"}}", cancellation) is { } tags ? tags.Split(' ', StringSplitOptions.RemoveEmptyEntries) : null;

    /// <summary>
    /// The digests of a local image's layers, one line, or null when the engine has no such image: its content,
    /// unlike the id, which changes with the creation time when the same root filesystem is imported again.
    /// </summary>
    public static Task<string?> LayerDigests(string reference, CancellationToken cancellation) => Inspect(reference, "{{join .RootFS.Layers \" \"}}", cancellation);

    private static async Task<string?> Inspect(string reference, string format, CancellationToken cancellation)
    {
        var result = await ToolRunner.RunUncheckedAsync(Invocation(["image", "inspect", "--format", format, reference]) with { LogOutput = false }, cancellation);
        if (result.ExitCode == 0)
            return result.Output.FirstOrDefault()?.Trim();
        if (result.Errors.Any(e => e.Contains("No such image", StringComparison.OrdinalIgnoreCase)))
            return null;
        throw new ToolException($"docker image inspect {reference} failed: {string.Join(" ", result.Errors)}", result);
    }

    public static Task<ToolResult> Tag(string source, string target, CancellationToken cancellation) =>
        ToolRunner.RunAsync(Invocation(["tag", source, target]), cancellation);

    /// <summary>Logs in with the password on standard input (never on the command line, where ps would show it).</summary>
    public static Task<ToolResult> Login(string registry, string username, string password, AbsolutePath configDirectory, CancellationToken cancellation) =>
        ToolRunner.RunAsync(
            Invocation(["login", registry, "--username", username, "--password-stdin"], configDirectory) with { StandardInput = password },
            cancellation);

    /// <summary>Pushes one tag and returns the manifest digest the registry stored (sha256:…).</summary>
    public static async Task<string> Push(string reference, AbsolutePath configDirectory, CancellationToken cancellation)
    {
        var result = await ToolRunner.RunAsync(Invocation(["push", reference], configDirectory), cancellation);
        return result.Output.Select(line => PushedDigest().Match(line)).FirstOrDefault(m => m.Success)?.Groups[1].Value
            ?? throw new ToolException($"docker push {reference} printed no digest.", result);
    }

    public static Task<ToolResult> Pull(string reference, AbsolutePath configDirectory, CancellationToken cancellation) =>
        ToolRunner.RunAsync(Invocation(["pull", "--quiet", reference], configDirectory), cancellation);

    private static ToolInvocation Invocation(string[] arguments, AbsolutePath? configDirectory = null)
    {
        var environment = new Dictionary<string, string?> { ["DOCKER_CLI_HINTS"] = "false" };
        if (configDirectory is not null)
            environment["DOCKER_CONFIG"] = configDirectory;
        return new("docker", arguments) { Environment = environment };
    }

    // "1.2.3: digest: sha256:ab… size: 1234", the last line of a push.
    [GeneratedRegex(@"digest: (sha256:[0-9a-f]{64})")]
    private static partial Regex PushedDigest();
}

/// <summary>What <see cref="DockerCli.Build"/> builds: paths, tags, --build-arg and --label values.</summary>
internal sealed record DockerBuild(AbsolutePath Context, AbsolutePath Dockerfile, AbsolutePath ImageIdFile)
{
    public IReadOnlyList<string> Tags { get; init; } = [];
    public IReadOnlyDictionary<string, string> Arguments { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
}
