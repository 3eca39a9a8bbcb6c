namespace Pipeline.Delivery;

/// <summary>The id of this build run: GitHub's run id and attempt in CI, else a fresh one per process.</summary>
internal static class DeployRun
{
    public static string Id { get; } =
        Engine.BuildEnvironment.Get("GITHUB_RUN_ID") is { Length: > 0 } run
            ? $"{run}-{Engine.BuildEnvironment.Get("GITHUB_RUN_ATTEMPT") ?? "1"}"
            : $"local-{DateTime.UtcNow:yyyyMMddHHmmss}-{Guid.NewGuid().ToString("N")[..6]}";
}
