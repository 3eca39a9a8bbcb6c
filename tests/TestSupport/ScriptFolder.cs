namespace TestSupport;

/// <summary>A temporary migrations folder, for <c>migrate --migrations</c> and MigrateDb's --migrations-directory.</summary>
public sealed class ScriptFolder : IDisposable
{
    public ScriptFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "migrations-" + Guid.NewGuid().ToString("N"));

    public ScriptFolder Add(string fileName, string sql)
    {
        File.WriteAllText(System.IO.Path.Combine(Path, fileName), sql);
        return this;
    }

    public void Remove(string fileName) => File.Delete(System.IO.Path.Combine(Path, fileName));

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
