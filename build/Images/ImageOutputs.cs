using Engine;

namespace Pipeline.Images;

/// <summary>Values the image targets hand to later targets and CI jobs.</summary>
public static class ImageOutputs
{
    /// <summary>repository@sha256:…, the pushed image by its immutable digest.</summary>
    public static readonly TargetOutput Digest = new("image-digest");
}
