using Pipeline.Database;

namespace Pipeline.Platforms.Ecs.Database;

/// <summary>
/// The container command the one-off task runs: the image's own <c>migrate</c> with MigrateDb's options. The image's
/// entry point starts the service's binary, so the command is only its arguments, as <c>docker run IMAGE migrate</c>.
/// <c>--check</c> runs the compatibility check first, on the database itself in a transaction that is rolled back
/// (the build cannot reach the database to copy its schema, and the image has no pg_dump), and stops the task with
/// nothing applied when a pending script breaks the version now serving; a dry run (<c>--plan</c>) checks too.
/// </summary>
internal static class MigrationTaskCommand
{
    public static IReadOnlyList<string> For(MigrationRequest request) =>
        ["migrate", .. request.DryRun ? new[] { "--plan" } : [], "--check", .. request.MigratorOptions];
}
