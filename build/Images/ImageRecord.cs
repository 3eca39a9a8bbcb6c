using System.Text.Json;
using System.Text.Json.Serialization;
using Engine;
using Pipeline.IO;

namespace Pipeline.Images;

/// <summary>
/// artifacts/image.json: what BuildImage built (local repository name, tags, image id) and, after PushEcr, where it
/// went and its digest. The file is how a later target, or a later CI job, finds the image.
/// </summary>
internal sealed record ImageRecord(string Repository, IReadOnlyList<string> Tags, string ImageId, string ContentTag)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string? Version { get; init; }
    public string? Revision { get; init; }

    /// <summary>True when no build ran because the content tag was found.</summary>
    public bool CacheHit { get; init; }

    /// <summary>After a push: the repository in the registry (host/name).</summary>
    public string? PushedRepository { get; init; }

    /// <summary>After a push: repository@sha256:…, the immutable reference later targets deploy.</summary>
    public string? Digest { get; init; }

    public string LocalReference(string tag) => $"{Repository}:{tag}";

    public static AbsolutePath PathIn(AbsolutePath artifacts) => artifacts / "image.json";

    public void Write(AbsolutePath artifacts) => AtomicFile.WriteAllText(PathIn(artifacts), JsonSerializer.Serialize(this, Json) + "\n");

    /// <summary>The record BuildImage wrote; a missing or unreadable file is one line that says to run BuildImage.</summary>
    public static ImageRecord Read(AbsolutePath artifacts, AbsolutePath root)
    {
        var path = PathIn(artifacts);
        if (!File.Exists(path))
            throw new InvalidOperationException($"{path.RelativeTo(root)} does not exist: run BuildImage first (./build.sh BuildImage PushEcr).");
        try
        {
            return JsonSerializer.Deserialize<ImageRecord>(File.ReadAllText(path), Json)
                ?? throw new JsonException("the file holds null");
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"{path.RelativeTo(root)} is not an image record: {e.Message}", e);
        }
    }
}
