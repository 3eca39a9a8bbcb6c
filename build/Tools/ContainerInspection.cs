using System.Text.Json;

namespace Pipeline.Tools;

/// <summary>A container as <c>docker container inspect</c> shows it: its state, how it ended, and its labels.</summary>
internal sealed record ContainerInspection(string Status, int ExitCode, int RestartCount, string Error, DateTimeOffset? StartedAt, IReadOnlyDictionary<string, string> Labels)
{
    /// <summary>running, restarting, created, exited, dead, paused or removing: Docker's own word.</summary>
    public bool IsRunning => Status is "running";

    /// <summary>The names of the container's environment variables, never their values (DATABASE_URL holds a password).</summary>
    public IReadOnlyList<string> EnvironmentNames { get; init; } = [];

    /// <summary>The engine's limits: CPUs (NanoCpus / 1e9) and memory in bytes; 0 when none is set.</summary>
    public double Cpus { get; init; }

    public long MemoryBytes { get; init; }

    /// <summary>NAME=value entries as the engine lists them, reduced to their names.</summary>
    public static IReadOnlyList<string> NamesOf(IEnumerable<string>? variables) =>
        [.. (variables ?? []).Select(v => v.Split('=', 2)[0]).Where(n => n.Length > 0).Order(StringComparer.Ordinal)];

    public static ContainerInspection Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement.ValueKind == JsonValueKind.Array ? document.RootElement[0] : document.RootElement;
        var state = root.GetProperty("State");
        var labels = root.GetProperty("Config").TryGetProperty("Labels", out var found) && found.ValueKind == JsonValueKind.Object
            ? found.EnumerateObject().ToDictionary(label => label.Name, label => label.Value.GetString() ?? "")
            : [];
        // "0001-01-01T00:00:00Z" for a container that never started.
        var started = state.GetProperty("StartedAt").GetDateTimeOffset();
        return new ContainerInspection(
            state.GetProperty("Status").GetString() ?? "",
            state.GetProperty("ExitCode").GetInt32(),
            root.GetProperty("RestartCount").GetInt32(),
            state.GetProperty("Error").GetString() ?? "",
            started.Year > 1 ? started : null,
            labels);
    }
}
