using System.Collections.Concurrent;

namespace BuildTests.Delivery.Local;

/// <summary>
/// A test class's view of the run's service images (<see cref="ServiceImageBuild"/>): the two shared releases, and
/// one-off digests for a test that deletes its release from the registry and the engine, removed with the class.
/// </summary>
public sealed class ServiceImages : IAsyncLifetime
{
    private readonly ConcurrentDictionary<ImageDigest, string> oneOffTags = [];
    private ServiceImageBuild? build;

    private ServiceImageBuild Build => build ?? throw new InvalidOperationException("the images are made in InitializeAsync");

    internal ImageDigest First => Build.First;

    internal ImageDigest Second => Build.Second;

    /// <summary>A digest no other test uses (the first image with a label of its own), which <see cref="DeleteAsync"/> may remove.</summary>
    internal async Task<ImageDigest> OneOffAsync()
    {
        var tag = "one-off-" + Guid.NewGuid().ToString("N")[..8];
        var image = await Build.LabelledAsync(tag);
        oneOffTags[image] = tag;
        return image;
    }

    /// <summary>
    /// A one-off release gone as from an environment made again: its manifest deleted from the registry, and its tags
    /// from this engine (no container may use it), so nothing can start it any more.
    /// </summary>
    internal async Task DeleteAsync(ImageDigest image)
    {
        await Build.DeleteAsync(oneOffTags[image], image);
        oneOffTags.TryRemove(image, out _);
    }

    public async Task InitializeAsync() => build = await ServiceImageBuild.OfThisRunAsync();

    public Task DisposeAsync()
    {
        try
        {
            foreach (var tag in oneOffTags.Values)
                Build.RemoveTags(tag);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // No engine (the tests were skipped), or the images are gone already.
        }

        return Task.CompletedTask;
    }
}
