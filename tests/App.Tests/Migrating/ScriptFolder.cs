using App.Migrating;

namespace App.Tests.Migrating;

/// <summary>A temporary migrations folder, starting with the service's own V1, for <c>migrate --migrations</c>.</summary>
public sealed class ScriptFolder : IDisposable
{
    public ScriptFolder()
    {
        Directory.CreateDirectory(Path);
        foreach (var script in ScriptSource.Embedded())
        {
            Add(script.FileName, script.Text);
        }
    }

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "migrations-" + Guid.NewGuid().ToString("N"));

    public ScriptFolder Add(string fileName, string sql)
    {
        File.WriteAllText(System.IO.Path.Combine(Path, fileName), sql);
        return this;
    }

    public void Remove(string fileName) => File.Delete(System.IO.Path.Combine(Path, fileName));

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
