using App.Migrating;

namespace App.Health;

/// <summary>
/// The schema version this build of the service needs: that of the newest script built into it. The service never
/// migrates at start (the deploy runs <c>App migrate</c> first), so readiness compares the database with this.
/// </summary>
public sealed record SchemaRequirement(long Version)
{
    public static SchemaRequirement FromEmbeddedScripts() => new(ScriptSet.Load(ScriptSource.Embedded()).LatestVersion);
}
