namespace App.Notes;

public sealed record Note(long Id, string Title, string Body, DateTimeOffset CreatedAt);
