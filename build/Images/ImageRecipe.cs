using Engine;

namespace Pipeline.Images;

/// <summary>How one image is made: its Dockerfile and context, the inputs its content tag hashes, the base image.</summary>
internal sealed record ImageRecipe(string Repository, AbsolutePath Dockerfile, AbsolutePath Context, IReadOnlyList<AbsolutePath> Inputs, string BaseImage)
{
    /// <summary>Makes what the Dockerfile copies (dotnet publish, stamped); runs only when the image is not already built.</summary>
    public Func<ImageStamp, CancellationToken, Task> Prepare { get; init; } = (_, _) => Task.CompletedTask;

    /// <summary>The registry to look in when the engine has no image with the content tag; null: none.</summary>
    public Func<CancellationToken, Task<PushDestination?>> CacheRegistry { get; init; } = _ => Task.FromResult<PushDestination?>(null);

    /// <summary>OCI labels beyond the ones every image gets (created, version, revision, source).</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
}
