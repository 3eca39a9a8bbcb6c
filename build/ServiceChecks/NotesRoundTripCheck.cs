using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Pipeline.Delivery;
using Pipeline.Delivery.Smoke;

namespace Pipeline.ServiceChecks;

/// <summary>
/// Writes a note and reads it back (POST /notes: 201 with a Location; GET there: the same title and body): the
/// service writes to and reads from its database through the same listener users reach.
/// Each run leaves one row in the environment's notes table. That is acceptable (a few rows per deploy), and the
/// title says what it is ("smoke-test 2025-01-31T12:00:00Z 3f2a1b2c") so it can be recognised or cleaned away. The
/// API has no delete, and adding one for the smoke test alone would open a door into production data.
/// </summary>
public sealed class NotesRoundTripCheck : ISmokeCheck
{
    private const string NoteBody = "Written by the delivery pipeline's smoke test to check a round trip through the notes API; safe to delete.";

    public string Name => "notes";

    public async Task<SmokeCheckResult> RunAsync(SmokeClient client, Uri root, ExpectedRelease expected, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(client);
        var title = NewTitle();
        // The shape of the service's NewNote: {title, body}.
        var post = await client.SendAsync(HttpMethod.Post, new Uri(root, "notes"), JsonContent.Create(new { title, body = NoteBody }), cancellation);
        if (post.Status != 201)
            return SmokeCheckResult.Fail(Name, post, "expected 201 Created");
        if (post.Location is not { } location)
            return SmokeCheckResult.Fail(Name, post, "expected 201 Created with a Location header");

        // Read back through the same listener: an absolute Location names the host the service saw, which behind a
        // router may be the color's own address, and the round trip must go the way users' requests go.
        var noteUrl = location.IsAbsoluteUri ? new Uri(root, location.PathAndQuery) : new Uri(root, location);
        var get = await client.GetAsync(noteUrl, cancellation);
        if (get.Status != 200)
            return SmokeCheckResult.Fail(Name, get, $"expected 200 with the note just created (title \"{title}\")");
        var note = JsonStrings.Parse(get.Body);
        return note?.GetValueOrDefault("title") == title && note.GetValueOrDefault("body") == NoteBody
            ? SmokeCheckResult.Pass(Name, get)
            : SmokeCheckResult.Fail(Name, get, $"expected the note just created (title \"{title}\")");
    }

    /// <summary>"smoke-test 2025-01-31T12:00:00Z 3f2a1b2c": recognisable, and unique so an old note cannot pass for it.</summary>
    public static string NewTitle() =>
        string.Create(CultureInfo.InvariantCulture, $"smoke-test {DateTimeOffset.UtcNow:yyyy-MM-ddTHH:mm:ssZ} {RandomNumberGenerator.GetHexString(8, lowercase: true)}");
}
