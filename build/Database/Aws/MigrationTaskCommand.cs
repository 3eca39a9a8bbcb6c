/// <summary>
/// The container command the one-off task runs: the image's own <c>migrate</c> with MigrateDb's options. The image's
/// entry point starts the service's binary, so the command is only its arguments, as <c>docker run IMAGE migrate</c>.
/// </summary>
internal static class MigrationTaskCommand
{
    public static IReadOnlyList<string> For(MigrationRequest request) =>
        ["migrate", .. request.DryRun ? new[] { "--plan" } : [], .. request.MigratorOptions];
}
