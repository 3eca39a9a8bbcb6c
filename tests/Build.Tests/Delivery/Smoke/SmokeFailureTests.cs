using static BuildTests.LocalHttpServer;

namespace BuildTests.Delivery.Smoke;

/// <summary>Failures other than /version's, each as the one line a person reads: the check, the request, what came back.</summary>
public sealed class SmokeFailureTests : FakeServiceTest
{
    [Fact]
    public async Task Not_ready_fails_with_the_status_and_the_service_s_reason()
    {
        Service["GET /health/ready"] = _ => new Answer(503, """{"status":"not ready","reason":"database: cannot connect to 10.0.0.5:5432 (timeout)","checks":{}}""");

        var report = await RunAsync();

        Assert.Equal($"ready: GET {Service.Address}health/ready returned 503, reason \"database: cannot connect to 10.0.0.5:5432 (timeout)\": expected 200", report.FirstFailure);
        Assert.Equal($"smoke test: 1 of 4 checks failed against {Service.Address}", report.Summary);
    }

    [Fact]
    public async Task A_long_body_is_cut_to_one_line_of_about_two_hundred_characters()
    {
        var body = "<html>\n" + new string('x', 1000) + "\n</html>";
        Service["GET /health/live"] = _ => new Answer(500, body);

        var failure = (await FailureAsync())!;

        Assert.Equal($"live: GET {Service.Address}health/live returned 500 <html> {new string('x', 193)}…: expected 200", failure);
    }

    [Fact]
    public async Task A_failed_note_creation_names_the_post_and_what_came_back()
    {
        Service["POST /notes"] = _ => new Answer(500, """{"title":"An error occurred while processing your request.","status":500}""");

        var failure = await FailureAsync();

        Assert.Equal($"notes: POST {Service.Address}notes returned 500 {{\"title\":\"An error occurred while processing your request.\",\"status\":500}}: expected 201 Created", failure);
    }

    [Fact]
    public async Task A_created_note_without_a_location_fails()
    {
        Service["POST /notes"] = _ => new Answer(201, """{"id":1}""");

        var failure = await FailureAsync();

        Assert.Equal($"notes: POST {Service.Address}notes returned 201 {{\"id\":1}}: expected 201 Created with a Location header", failure);
    }

    [Fact]
    public async Task A_note_read_back_different_fails_naming_the_get()
    {
        Service["GET /notes/1"] = _ => new Answer(200, """{"id":1,"title":"someone else's","body":""}""");

        var failure = (await FailureAsync())!;

        Assert.StartsWith($"notes: GET {Service.Address}notes/1 returned 200 {{\"id\":1,\"title\":\"someone else's\",\"body\":\"\"}}: expected the note just created (title \"smoke-test ", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_note_is_read_back_through_the_address_tested_even_when_the_location_names_another_host()
    {
        // Behind a router the service may name its own address; the read must still go through the listener tested.
        Service["POST /notes"] = request => new Answer(201, """{"id":1}""", new Dictionary<string, string> { ["Location"] = "http://10.255.255.1:5001/notes/1" });
        Service["GET /notes/1"] = _ => new Answer(404, "{}");

        var failure = await FailureAsync();

        Assert.StartsWith($"notes: GET {Service.Address}notes/1 returned 404 {{}}: expected 200 with the note just created", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_base_address_with_a_path_keeps_it()
    {
        var report = await Suite.RunAsync(new Uri(Service.Address, "app"), Expected, CancellationToken.None);

        Assert.Equal($"live: GET {Service.Address}app/health/live returned 404 {{\"title\":\"Not Found\"}}: expected 200", report.FirstFailure);
    }
}
