using static BuildTests.LocalHttpServer;

namespace BuildTests.Delivery.Smoke;

/// <summary>The smoke suite against a stand-in service on a real socket: what passes, how it connects, and /version.</summary>
public sealed class SmokeSuiteTests : FakeServiceTest
{
    [Fact]
    public async Task Every_check_passes_against_a_service_that_answers_as_expected()
    {
        var report = await RunAsync();

        Assert.True(report.Passed, string.Join('\n', report.Lines));
        Assert.Equal(["live", "ready", "version", "notes"], report.Results.Select(result => result.Name));
        Assert.All(report.Results, result => Assert.True(result.Duration > TimeSpan.Zero));
        Assert.Null(await FailureAsync());
        Assert.Equal($"smoke test: 4 of 4 checks passed against {Service.Address}", report.Summary);
        Assert.StartsWith($"passed live: GET {Service.Address}health/live returned 200 {{\"status\":\"live\"}} (", report.Lines.First(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_note_written_is_marked_as_the_smoke_test_s_and_read_back_from_where_it_was_created()
    {
        await RunAsync();

        var post = Assert.Single(Service.Received, request => request.Method == "POST");
        Assert.Matches("""^\{"title":"smoke-test \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ [0-9a-f]{8}","body":"[^"]+"\}$""", post.Body);
        Assert.StartsWith("application/json", post.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Single(Service.Received, request => request is { Method: "GET", Path: "/notes/1" });
    }

    [Fact]
    public async Task Each_request_goes_out_on_a_new_connection_closed_after_the_answer()
    {
        // A router may choose the color per connection: a kept-alive one could reach the color it chose before.
        await RunAsync();

        Assert.Equal(5, Service.Received.Count);
        Assert.Equal(5, Service.Received.Select(request => request.ClientPort).Distinct().Count());
        Assert.All(Service.Received, request => Assert.Equal("close", request.Headers["Connection"], ignoreCase: true));
    }

    [Fact]
    public async Task A_wrong_version_fails_with_the_body_and_what_was_expected()
    {
        const string body = """{"version":"0.1.0","commit":"3f2a1b2c3d4e5f60718293a4b5c6d7e8f9012345","color":"green"}""";
        Service["GET /version"] = _ => new Answer(200, body);

        var report = await RunAsync(Expected with { Version = "0.2.0" });

        Assert.Equal($"version: GET {Service.Address}version returned 200 {body}: expected version 0.2.0, got 0.1.0", report.FirstFailure);
        Assert.Equal(["version"], report.Failures.Select(result => result.Name));
    }

    [Fact]
    public async Task Every_wrong_field_of_version_is_named_and_a_missing_one_is_none()
    {
        Service["GET /version"] = _ => new Answer(200, """{"version":"1.4.0","color":"blue"}""");

        var failure = await FailureAsync();

        Assert.EndsWith($": expected commit {FakeService.Commit}, got none; expected color green, got blue", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("3f2a1b2c3d4e")]
    [InlineData("3F2A1B2C3D4E5F60718293A4B5C6D7E8F9012345")]
    public async Task A_commit_matches_in_full_or_shortened_to_at_least_seven_characters(string expectedCommit)
    {
        Assert.Null(await FailureAsync(Expected with { Commit = expectedCommit }));
        Assert.NotNull(await FailureAsync(Expected with { Commit = "3f2a1b" }));
    }

    [Fact]
    public async Task Only_what_is_expected_is_compared()
    {
        Service["GET /version"] = _ => new Answer(200, """{"version":"dev","commit":"unknown","color":"none"}""");

        Assert.Null(await FailureAsync(new ExpectedRelease(null, null, null)));
    }

    [Fact]
    public async Task A_version_that_is_not_json_says_so()
    {
        Service["GET /version"] = _ => new Answer(200, "<html>hello</html>");

        var failure = await FailureAsync();

        Assert.Equal($"version: GET {Service.Address}version returned 200 <html>hello</html>: expected a JSON object {{version, commit, color}}", failure);
    }
}
