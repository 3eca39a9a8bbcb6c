namespace Engine;

/// <summary>
/// A named value one target hands to later targets of the same run and to later CI jobs (an image digest, a version).
/// Declare it once (<c>static readonly TargetOutput ImageDigest = new("image-digest")</c>); the producer lists it
/// in <c>Outputs</c>, a consumer in <c>Requires(() =&gt; Parameter, ImageDigest)</c>, and the engine checks both sides.
/// </summary>
public sealed class TargetOutput
{
    public TargetOutput(string name)
    {
        if (!Workflows.JobId.IsValid(name))
            throw new ArgumentException($"'{name}' is not a valid output name: letters, digits, '-' and '_', starting with a letter or '_'.", nameof(name));
        Name = name;
    }

    public string Name { get; }

    public override string ToString() => Name;
}
