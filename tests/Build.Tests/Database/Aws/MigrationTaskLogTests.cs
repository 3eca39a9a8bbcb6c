using System.Text.Json.Nodes;

namespace BuildTests.Database.Aws;

/// <summary>Where the task's log is, what of it is printed (no secrets), and the versions read from it.</summary>
public sealed class MigrationTaskLogTests
{
    private static readonly EcsNames Names = new("app", "staging", "app-staging", "app");

    [Fact]
    public void The_log_is_where_the_containers_awslogs_options_say()
    {
        var definition = JsonNode.Parse("""
            { "containerDefinitions": [
                { "name": "sidecar" },
                { "name": "app", "logConfiguration": { "logDriver": "awslogs", "options": { "awslogs-group": "/custom/group", "awslogs-stream-prefix": "svc" } } } ] }
            """)!.AsObject();

        var log = MigrationTaskLog.For(definition, "app", Names);

        Assert.Equal(new MigrationTaskLog("/custom/group", "svc"), log);
        Assert.Equal("svc/app/0123abcd", log.StreamOf("app", "arn:aws:ecs:us-east-1:012345678910:task/app-staging/0123abcd"));
    }

    [Fact]
    public void Without_awslogs_options_the_log_is_the_environments_group_with_the_containers_name()
    {
        var definition = JsonNode.Parse("""{ "containerDefinitions": [{ "name": "app", "logConfiguration": { "logDriver": "splunk", "options": {} } }] }""")!.AsObject();

        Assert.Equal(new MigrationTaskLog("/ecs/app-staging", "app"), MigrationTaskLog.For(definition, "app", Names));
    }

    [Theory]
    [InlineData("connecting to postgres://notes:S3cret!@db.internal:5432/notes", "connecting to postgres://notes:***@db.internal:5432/notes")]
    [InlineData("Host=db;Username=notes;Password=S3cret!;Database=notes", "Host=db;Username=notes;Password=***;Database=notes")]
    [InlineData("applied V2__ratings.sql in 12 ms", "applied V2__ratings.sql in 12 ms")]
    public void Passwords_in_the_log_are_never_printed(string line, string printed)
    {
        Assert.Equal(printed, SecretRedaction.Redact(line));
    }

    [Fact]
    public void The_versions_come_from_the_migrate_commands_lines()
    {
        Assert.Equal((2L, 4L), MigrationLogVersions.Read(["notes on db:5432: at V2, 2 pending up to V4", "  pending V3__a.sql", "applied V3__a.sql in 3 ms", "migrated V2 to V4 in 9 ms"]));
        Assert.Equal((4L, 4L), MigrationLogVersions.Read(["notes on db:5432: at V4, nothing to apply", "up to date at V4"]));
        Assert.Equal((2L, null), MigrationLogVersions.Read(["notes on db:5432: at V2, 1 pending up to V3", "  would apply V3__a.sql", "nothing applied (plan)"]));
        Assert.Equal((null, null), MigrationLogVersions.Read([]));
    }
}
