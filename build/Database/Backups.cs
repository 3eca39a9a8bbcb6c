using System.Security.Cryptography;
using System.Text.Json;
using Engine;
using Pipeline.Database.PostgreSql;

namespace Pipeline.Database;

/// <summary>
/// The backups MigrateDb takes before it migrates: pg_dump's custom format in artifacts/backups/NAME.dump, and beside
/// it NAME.json with what was backed up and the file's SHA-256, which RestoreDb checks before it restores anything.
/// </summary>
internal sealed class Backups(AbsolutePath directory)
{
    private static readonly JsonSerializerOptions ManifestJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public AbsolutePath Directory => directory;

    public async Task<string> CreateAsync(DatabaseAddress address, long version, CancellationToken cancellation)
    {
        var name = BackupName.For(address.Database, DateTimeOffset.UtcNow, version);
        var file = directory.CreateDirectory() / (name + BackupName.Extension);
        try
        {
            var rows = await TableRows.CountAsync(address, cancellation);
            await PgDump.Backup(address, file, cancellation);
            var manifest = new BackupManifest(name, address.ToString(), version, DateTimeOffset.UtcNow, new FileInfo(file).Length, await Sha256Async(file, cancellation)) { Rows = rows };
            await File.WriteAllTextAsync(directory / (name + ".json"), JsonSerializer.Serialize(manifest, ManifestJson), cancellation);
            return name;
        }
        catch (ToolException e)
        {
            File.Delete(file); // half a dump is no backup, and must not be offered for a restore
            throw new InvalidOperationException($"The backup of {address} failed, so nothing was migrated: {ToolErrors.LastLine(e)}", e);
        }
    }

    /// <summary>The archive of a backup this tool made, after checking its name, its manifest and its checksum.</summary>
    public async Task<(AbsolutePath Archive, BackupManifest Manifest)> FindAsync(string given, CancellationToken cancellation)
    {
        var name = BackupName.Parse(given);
        var archive = directory / (name + BackupName.Extension);
        var manifestFile = directory / (name + ".json");
        if (!File.Exists(archive) || !File.Exists(manifestFile))
            throw new InvalidOperationException($"There is no backup {name} in {directory}: {Available()}");
        var manifest = JsonSerializer.Deserialize<BackupManifest>(await File.ReadAllTextAsync(manifestFile, cancellation), ManifestJson)!;
        if (manifest.Sha256 != await Sha256Async(archive, cancellation))
            throw new InvalidOperationException($"Backup {name} does not match the checksum recorded when it was made: the file was changed or damaged.");
        return (archive, manifest);
    }

    /// <summary>The newest backup this tool made of <paramref name="database"/> (shown without its password), checked as <see cref="FindAsync"/> checks; null when there is none.</summary>
    public async Task<(AbsolutePath Archive, BackupManifest Manifest)?> NewestAsync(string database, CancellationToken cancellation)
    {
        if (!System.IO.Directory.Exists(directory))
            return null;
        var newest = System.IO.Directory.GetFiles(directory, "*.json")
            .Select(ReadManifest)
            .Where(manifest => manifest is not null && manifest.Database == database)
            .MaxBy(manifest => manifest!.CreatedAt);
        return newest is null ? null : await FindAsync(newest.Name, cancellation);
    }

    // A damaged manifest stops the choice: skipping it could drill with an older backup than the newest without saying so.
    private static BackupManifest? ReadManifest(string file)
    {
        try
        {
            return JsonSerializer.Deserialize<BackupManifest>(File.ReadAllText(file), ManifestJson);
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"{file} is not a backup manifest MigrateDb wrote ({e.Message}): move it aside or name a backup with --backup", e);
        }
    }

    private string Available()
    {
        var names = System.IO.Directory.Exists(directory)
            ? System.IO.Directory.GetFiles(directory, "*" + BackupName.Extension).Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToList()
            : [];
        return names.Count == 0 ? "there are none." : "there are " + string.Join(", ", names) + ".";
    }

    private static async Task<string> Sha256Async(AbsolutePath file, CancellationToken cancellation)
    {
        await using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellation));
    }
}
