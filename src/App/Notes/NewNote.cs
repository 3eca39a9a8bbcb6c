namespace App.Notes;

/// <summary>The body of POST /notes. Nullable because clients send anything; <see cref="Validate"/> decides.</summary>
public sealed record NewNote(string? Title, string? Body)
{
    // Match the column sizes in Migrations/V1__create_notes.sql.
    public const int TitleMaxLength = 200;
    public const int BodyMaxLength = 10_000;

    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(Title))
        {
            errors["title"] = ["The title is required."];
        }
        else if (Title.Trim().Length > TitleMaxLength)
        {
            errors["title"] = [$"The title must be at most {TitleMaxLength} characters."];
        }

        if (Body is { Length: > BodyMaxLength })
        {
            errors["body"] = [$"The body must be at most {BodyMaxLength} characters."];
        }

        return errors;
    }
}
