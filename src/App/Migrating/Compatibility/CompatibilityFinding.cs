namespace App.Migrating.Compatibility;

/// <summary>A change that would break the serving version, the statement that made it, and whether its script is a contract step (allowed).</summary>
public sealed record CompatibilityFinding(long Version, string Script, int Line, string Change, bool Contract)
{
    public const string Advice =
        $"split the change into expand and contract steps, or mark the script '-- migrate:{ScriptFile.ContractMarker}' once no serving version uses the old shape";

    /// <summary>How the check says it did not run; MigrateDb on AWS reads it in the task's log.</summary>
    public const string SkippedPrefix = "compatibility check skipped: ";

    /// <summary>The line that says the check passed; MigrateDb on AWS reads its start in the task's log.</summary>
    public static string Verdict(IReadOnlyCollection<CompatibilityFinding> allowed) =>
        allowed.Count > 0
            ? "compatible: only contract steps change what the serving version uses"
            : "compatible: the pending scripts keep every table and column the serving version uses";

    public override string ToString() => $"{Script} line {Line}: {Change}" + (Contract ? " (allowed: a contract step)" : "");
}
