using System.Text.Json;
using Engine;
using Pipeline.Delivery;
using Pipeline.IO;

namespace Pipeline.Platforms.Local;

/// <summary>
/// &lt;state&gt;/lock.json: who deploys this environment now. Created with CreateNew, so of two processes that find no
/// lock only one creates it. Reading the holder and replacing or deleting it happen under a <see cref="FileGuard"/>,
/// so a take-over or a release acts on exactly the holder it compared.
/// </summary>
internal sealed class LockFile(AbsolutePath path)
{
    private static readonly TimeSpan GuardTimeout = TimeSpan.FromSeconds(5);

    public AbsolutePath Path => path;

    /// <summary>Null when <paramref name="wanted"/> now holds the lock; otherwise the holder, untouched.</summary>
    public async Task<DeployLock?> TryAcquireAsync(DeployLock wanted, DeployLock? replacing, CancellationToken cancellation)
    {
        using var guard = await GuardAsync(cancellation);
        var holder = ReadHolder();
        if (holder is null)
        {
            using var created = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            await created.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(wanted, LocalJson.Options), cancellation);
            created.Flush(flushToDisk: true);
            return null;
        }

        if (replacing is null || holder != replacing)
            return holder;
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(wanted, LocalJson.Options));
        return null;
    }

    /// <summary>Deletes the lock when <paramref name="held"/> still holds it; someone else's lock stays.</summary>
    public async Task ReleaseAsync(DeployLock held, CancellationToken cancellation)
    {
        using var guard = await GuardAsync(cancellation);
        if (ReadHolder() == held)
            File.Delete(path);
    }

    /// <summary>
    /// The holder, or null when there is none. A file that does not parse (a crash between its creation and its
    /// first write) is a holder too, described as such and dated by the file, so it can be taken over like any other.
    /// </summary>
    public DeployLock? ReadHolder()
    {
        if (!File.Exists(path))
            return null;
        try
        {
            return JsonSerializer.Deserialize<DeployLock>(File.ReadAllText(path), LocalJson.Options) ?? throw new JsonException("the file holds null");
        }
        catch (JsonException e)
        {
            var written = new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero);
            return new DeployLock($"unknown (unreadable {path.Name}: {e.Message})", "unknown", "unknown", 0, written, written);
        }
    }

    private Task<IDisposable> GuardAsync(CancellationToken cancellation) =>
        FileGuard.AcquireAsync(path.Parent / $".{path.Name}.guard", GuardTimeout, cancellation);
}
