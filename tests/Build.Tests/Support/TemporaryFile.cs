namespace BuildTests;

/// <summary>A file with the given text under the temp folder, deleted on dispose.</summary>
internal sealed class TemporaryFile : IDisposable
{
    public TemporaryFile(string text) => File.WriteAllText(Path, text);

    public string Path { get; } = System.IO.Path.GetTempFileName();

    public void Dispose() => File.Delete(Path);
}
