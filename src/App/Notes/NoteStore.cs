using App.Data;
using Npgsql;

namespace App.Notes;

public sealed class NoteStore(Database database)
{
    private const string Columns = "id, title, body, created_at";

    public async Task<IReadOnlyList<Note>> ListNewestFirstAsync(int limit, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(
            $"SELECT {Columns} FROM notes ORDER BY created_at DESC, id DESC LIMIT @limit");
        command.Parameters.AddWithValue("limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var notes = new List<Note>();
        while (await reader.ReadAsync(cancellationToken))
        {
            notes.Add(Read(reader));
        }

        return notes;
    }

    public async Task<Note?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand($"SELECT {Columns} FROM notes WHERE id = @id");
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async Task<Note> AddAsync(string title, string body, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(
            $"INSERT INTO notes (title, body) VALUES (@title, @body) RETURNING {Columns}");
        command.Parameters.AddWithValue("title", title);
        command.Parameters.AddWithValue("body", body);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return Read(reader);
    }

    private static Note Read(NpgsqlDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetFieldValue<DateTimeOffset>(3));
}
