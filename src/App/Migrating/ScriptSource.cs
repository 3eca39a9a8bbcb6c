namespace App.Migrating;

/// <summary>
/// Where scripts come from: the service's own assembly (Migrations/*.sql are embedded, so an image migrates with
/// exactly the scripts it was built with), or a folder given to <c>migrate --migrations</c>.
/// </summary>
public static class ScriptSource
{
    private const string ResourcePrefix = "App.Migrations.";

    public static IReadOnlyList<ScriptText> Embedded()
    {
        var assembly = typeof(ScriptSource).Assembly;
        return [.. assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Select(name =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
                return new ScriptText(name[ResourcePrefix.Length..], reader.ReadToEnd());
            })];
    }

    public static IReadOnlyList<ScriptText> FromDirectory(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return Directory.Exists(directory)
            ? [.. Directory.GetFiles(directory).Select(path => new ScriptText(Path.GetFileName(path), File.ReadAllText(path)))]
            : throw new MigrationUsageException($"the migrations folder {directory} does not exist");
    }
}
