using System.Text.Json;
using Engine;
using Pipeline.Delivery;
using Pipeline.IO;

namespace Pipeline.Platforms.Local;

/// <summary>
/// &lt;state&gt;/state.json: the live color, the standby and a deploy under way, for the next process (or a re-run after
/// a crash) to read. Written whole or not at all (a temporary file renamed over it).
/// </summary>
internal sealed class StateFile(AbsolutePath path)
{
    public AbsolutePath Path => path;

    /// <summary>The stored state; <see cref="EnvironmentState.Empty"/> before the first deploy.</summary>
    public EnvironmentState Read()
    {
        if (!File.Exists(path))
            return EnvironmentState.Empty;
        try
        {
            return JsonSerializer.Deserialize<EnvironmentState>(File.ReadAllText(path), LocalJson.Options) ?? throw new JsonException("the file holds null");
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"{path} is not an environment state (fix or delete it): {e.Message}", e);
        }
    }

    public void Write(EnvironmentState state)
    {
        path.Parent.CreateDirectory();
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(state, LocalJson.Options) + "\n");
    }
}
