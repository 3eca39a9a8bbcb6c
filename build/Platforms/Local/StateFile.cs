using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Engine;
using Pipeline.Delivery;
using Pipeline.IO;

namespace Pipeline.Platforms.Local;

/// <summary>
/// &lt;state&gt;/state.json: the live color, the standby and a deploy under way, for the next process (or a re-run after
/// a crash) to read, and the id of the local environment it was written in (<c>environmentId</c>, beside the state's
/// own fields, which a build from before ids ignores). Written whole or not at all (a temporary file renamed over it).
/// </summary>
internal sealed class StateFile(AbsolutePath path)
{
    private const string EnvironmentIdProperty = "environmentId";
    private static readonly TimeSpan GuardTimeout = TimeSpan.FromSeconds(5);

    public AbsolutePath Path => path;

    /// <summary>The stored state; <see cref="EnvironmentState.Empty"/> before the first deploy.</summary>
    public EnvironmentState Read() => ReadStored().State;

    /// <summary>The stored state with the environment it was recorded in (null: none recorded) and when it was written.</summary>
    public StoredState ReadStored()
    {
        if (!File.Exists(path))
            return new StoredState(EnvironmentState.Empty, null, null);
        try
        {
            var node = JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new JsonException("the file holds no object");
            var environmentId = node[EnvironmentIdProperty]?.GetValue<string>();
            var state = node.Deserialize<EnvironmentState>(LocalJson.Options) ?? throw new JsonException("the file holds null");
            return new StoredState(state, environmentId, new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero));
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw new InvalidOperationException($"{path} is not an environment state (fix or delete it): {e.Message}", e);
        }
    }

    public void Write(EnvironmentState state, string? environmentId = null)
    {
        path.Parent.CreateDirectory();
        var node = JsonSerializer.SerializeToNode(state, LocalJson.Options)!.AsObject();
        if (environmentId is not null)
            node.Insert(0, EnvironmentIdProperty, environmentId);
        AtomicFile.WriteAllText(path, node.ToJsonString(LocalJson.Options) + "\n");
    }

    /// <summary>Moves state.json into &lt;state&gt;/archive under the time it is set aside, never over another; returns where it went.</summary>
    public AbsolutePath Archive(DateTimeOffset now)
    {
        var folder = (path.Parent / "archive").CreateDirectory();
        var stamp = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var target = folder / $"state-{stamp}.json";
        for (var n = 2; File.Exists(target); n++)
            target = folder / $"state-{stamp}-{n.ToString(CultureInfo.InvariantCulture)}.json";
        File.Move(path, target);
        return target;
    }

    /// <summary>Held while the state is judged and set aside or adopted, so two processes never both act on one file.</summary>
    public Task<IDisposable> GuardAsync(CancellationToken cancellation) =>
        FileGuard.AcquireAsync(path.Parent / $".{path.Name}.guard", GuardTimeout, cancellation);
}

/// <summary>state.json as read: the state, the id of the environment it was recorded in, and when the file was written (null: no file).</summary>
internal sealed record StoredState(EnvironmentState State, string? EnvironmentId, DateTimeOffset? Written)
{
    /// <summary>
    /// Whether the state may describe <paramref name="environment"/>: nothing stored, recorded in it, or recorded in
    /// none (by a build from before ids) since it was made. Recorded in another, or written before it was made, it
    /// cannot: that state is a previous environment's.
    /// </summary>
    public bool MayDescribe(LocalEnvironmentId environment) =>
        State == EnvironmentState.Empty
        || EnvironmentId == environment.Value
        || (EnvironmentId is null && Written >= environment.Created);
}
