namespace Engine.Output;

/// <summary>
/// The process's standard output or error as the build writes to it. Once a write fails (the stream closed with
/// <c>&gt;&amp;-</c>, a full disk) the rest is dropped: losing output must not change how the build ends.
/// </summary>
internal sealed class BestEffortStream(Stream inner) : Stream
{
    private bool failed;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>
    /// A line writer, flushed after every write as a console is, over a standard stream (1 output, 2 error). A
    /// process started with it closed gets one that writes nowhere: the descriptor's number is free, and a file or
    /// a tool's pipe opened later could take it and receive the build's output.
    /// </summary>
    public static TextWriter Writer(int descriptor, Func<Stream> open) =>
        OperatingSystem.IsLinux() && !File.Exists($"/proc/self/fd/{descriptor}")
            ? TextWriter.Null
            : new StreamWriter(new BestEffortStream(open())) { AutoFlush = true };

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (failed)
            return;
        try
        {
            inner.Write(buffer);
        }
        catch (Exception e) when (IsWriteFailure(e))
        {
            failed = true;
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Flush()
    {
        if (failed)
            return;
        try
        {
            inner.Flush();
        }
        catch (Exception e) when (IsWriteFailure(e))
        {
            failed = true;
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            inner.Dispose();
        base.Dispose(disposing);
    }

    // A closed descriptor surfaces as UnauthorizedAccessException (EBADF), a full disk as IOException.
    private static bool IsWriteFailure(Exception e) => e is IOException or UnauthorizedAccessException;
}
