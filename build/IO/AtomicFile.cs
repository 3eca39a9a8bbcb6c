using Engine;

namespace Pipeline.IO;

/// <summary>
/// Writes a file whole or not at all: to a temporary file beside it, then renamed over it. A reader (a later target, a
/// CI upload) never sees half a report, and a failure leaves the previous file as it was.
/// </summary>
internal static class AtomicFile
{
    public static void WriteAllText(AbsolutePath path, string text)
    {
        var temporary = path.Parent / $".{path.Name}.{Guid.NewGuid():N}.tmp";
        try
        {
            File.WriteAllText(temporary, text);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            // Gone after the move; left behind only by a failed write, whose own error must not be masked.
            if (File.Exists(temporary))
                File.Delete(temporary);
        }
    }

    /// <summary>
    /// Creates <paramref name="directory"/> and proves it writable with a probe file, so a target fails with one line
    /// before its slow work, not after it: "Cannot write to artifacts/scan: …".
    /// </summary>
    public static AbsolutePath EnsureWritableDirectory(AbsolutePath directory, AbsolutePath root)
    {
        try
        {
            directory.CreateDirectory();
            var probe = directory / $".write-probe-{Guid.NewGuid():N}";
            File.WriteAllText(probe, "");
            File.Delete(probe);
            return directory;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"Cannot write to {directory.RelativeTo(root)}: {e.Message}", e);
        }
    }
}
