namespace Engine;

/// <summary>A full path that composes with <c>/</c>, as in NUKE: <c>RootDirectory / "artifacts" / "test-results"</c>.</summary>
public sealed record AbsolutePath
{
    public AbsolutePath(string path) => Value = Path.GetFullPath(path);

    public string Value { get; }
    public string Name => Path.GetFileName(Value);
    public AbsolutePath Parent => new(Path.GetDirectoryName(Value) ?? Value);

    public static AbsolutePath operator /(AbsolutePath left, string right) => new(Path.Combine(left.Value, right));

    public static implicit operator string(AbsolutePath path) => path.Value;

    public AbsolutePath CreateDirectory()
    {
        Directory.CreateDirectory(Value);
        return this;
    }

    /// <summary>This path relative to <paramref name="root"/>, with forward slashes: how it is shown to users.</summary>
    public string RelativeTo(AbsolutePath root) => Path.GetRelativePath(root.Value, Value).Replace('\\', '/');

    public override string ToString() => Value;
}
