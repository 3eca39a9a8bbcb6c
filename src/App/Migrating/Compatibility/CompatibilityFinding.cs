namespace App.Migrating.Compatibility;

/// <summary>A change that would break the serving version, the statement that made it, and whether its script is a contract step (allowed).</summary>
public sealed record CompatibilityFinding(long Version, string Script, int Line, string Change, bool Contract)
{
    public const string Advice =
        $"split the change into expand and contract steps, or mark the script '-- migrate:{ScriptFile.ContractMarker}' once no serving version uses the old shape";

    public override string ToString() => $"{Script} line {Line}: {Change}" + (Contract ? " (allowed: a contract step)" : "");
}
