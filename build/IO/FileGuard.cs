using Engine;

namespace Pipeline.IO;

/// <summary>
/// A short mutual exclusion between processes (and threads): an OS lock on a guard file, taken through FileShare.None
/// (flock on Linux), which the kernel drops when its process dies, so a crash never leaves it held.
/// </summary>
internal static class FileGuard
{
    public static async Task<IDisposable> AcquireAsync(AbsolutePath guard, TimeSpan timeout, CancellationToken cancellation)
    {
        guard.Parent.CreateDirectory();
        var started = DateTime.UtcNow;
        while (true)
        {
            try
            {
                return new FileStream(guard, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow - started < timeout)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), cancellation);
            }
            catch (IOException e)
            {
                throw new InvalidOperationException($"{guard} stayed locked by another process for {timeout.TotalSeconds:0} s: {e.Message}", e);
            }
        }
    }
}
