using System.Net;
using System.Net.Http.Json;
using App.Notes;
using Microsoft.AspNetCore.Mvc;
using TestSupport;

namespace App.Tests;

/// <summary>The notes resource against a real PostgreSQL: a fresh database for this class (TEST_DATABASE_URL).</summary>
public sealed class NotesTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    [PostgresFact]
    public async Task Ready_returns_200_when_the_database_answers_and_the_schema_is_applied()
    {
        var (status, body) = await Readiness.GetAsync(Client());

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("ready", body.GetProperty("status").GetString());
    }

    [PostgresFact]
    public async Task Created_note_is_returned_at_its_location_and_in_the_list()
    {
        var client = Client();

        var response = await client.PostAsJsonAsync(new Uri("/notes", UriKind.Relative), new { title = "  Deploy  ", body = "blue to green" });
        var created = await response.Content.ReadFromJsonAsync<Note>();
        var fetched = await client.GetFromJsonAsync<Note>(response.Headers.Location);
        var listed = await client.GetFromJsonAsync<Note[]>(new Uri("/notes", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.NotNull(created);
        Assert.Equal("Deploy", created.Title);
        Assert.Equal("blue to green", created.Body);
        Assert.EndsWith($"/notes/{created.Id}", response.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Equal(created, fetched);
        Assert.Contains(created, listed ?? []);
    }

    [PostgresFact]
    public async Task List_returns_the_newest_first_up_to_the_limit()
    {
        var client = Client();
        var titles = new[] { "first", "second", "third" };
        foreach (var title in titles)
        {
            (await client.PostAsJsonAsync(new Uri("/notes", UriKind.Relative), new { title })).EnsureSuccessStatusCode();
        }

        var listed = await client.GetFromJsonAsync<Note[]>(new Uri("/notes?limit=2", UriKind.Relative));

        Assert.Equal(["third", "second"], listed?.Select(note => note.Title));
    }

    [PostgresFact]
    public async Task Missing_note_returns_404_problem_details()
    {
        var response = await Client().GetAsync(new Uri($"/notes/{long.MaxValue}", UriKind.Relative));
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal($"Note {long.MaxValue} does not exist", problem?.Title);
    }

    [PostgresTheory]
    [InlineData(null, "body", "title")]
    [InlineData("   ", "body", "title")]
    [InlineData("title-too-long", "body", "title")]
    [InlineData("title", "body-too-long", "body")]
    public async Task Invalid_note_returns_400_problem_details_naming_the_field(string? title, string body, string field)
    {
        var request = new
        {
            title = title == "title-too-long" ? new string('t', NewNote.TitleMaxLength + 1) : title,
            body = body == "body-too-long" ? new string('b', NewNote.BodyMaxLength + 1) : body,
        };

        var response = await Client().PostAsJsonAsync(new Uri("/notes", UriKind.Relative), request);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([field], problem?.Errors.Keys);
    }

    [PostgresFact]
    public async Task Limit_outside_the_allowed_range_returns_400()
    {
        var response = await Client().GetAsync(new Uri($"/notes?limit={NotesEndpoints.MaxLimit + 1}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [PostgresFact]
    public async Task A_second_instance_starts_on_the_existing_schema_and_sees_the_same_notes()
    {
        var response = await Client().PostAsJsonAsync(new Uri("/notes", UriKind.Relative), new { title = "shared" });
        var created = await response.Content.ReadFromJsonAsync<Note>();
        await using var second = new AppFactory(new Dictionary<string, string?> { ["DATABASE_URL"] = app.Database.ConnectionString });

        var fetched = await second.CreateClient().GetFromJsonAsync<Note>(new Uri($"/notes/{created?.Id}", UriKind.Relative));

        Assert.Equal(created, fetched);
    }

    private HttpClient Client() => app.Factory.CreateClient();
}
