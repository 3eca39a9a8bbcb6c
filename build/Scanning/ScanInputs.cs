using Engine;

namespace Pipeline.Scanning;

/// <summary>
/// Scan's file parameters, checked before any target runs (a requirement of the target), so a problem is one line
/// naming the parameter and exit code 2 before BuildImage or Trivy spend minutes. A mistyped policy file must not
/// fall back to the default: that would loosen a stricter policy while the summary named the mistyped file.
/// </summary>
internal static class ScanInputs
{
    /// <summary>True, or a <see cref="UsageException"/> naming every problem.</summary>
    public static bool Confirm(IScan build)
    {
        var root = build.RootDirectory;
        var defaultPolicy = Path.GetFullPath(root / ScanPolicy.DefaultFile);
        var problems = new[]
        {
            Problem("ScanPolicyFile (--scan-policy-file)", root, build.ScanPolicyFile, mayBeAbsent: path => Path.GetFullPath(path) == defaultPolicy,
                $" (only the default, {ScanPolicy.DefaultFile}, may be absent)"),
            build.ScanReport is { } report ? Problem("ScanReport (--scan-report)", root, report, mayBeAbsent: _ => false, "") : null,
        }.OfType<string>().ToList();
        return problems.Count == 0 ? true : throw new UsageException(string.Join(Environment.NewLine + "error: ", problems));
    }

    private static string? Problem(string parameter, AbsolutePath root, string value, Func<string, bool> mayBeAbsent, string absentNote)
    {
        string Invalid(string what) => $"Invalid value '{value}' for parameter {parameter}: {what}.";
        if (string.IsNullOrWhiteSpace(value))
            return Invalid("expected a file path");
        var path = root / value;
        if (Directory.Exists(path))
            return Invalid("it is a folder, not a file");
        if (File.Exists(path) || mayBeAbsent(path))
            return null;
        return Path.GetDirectoryName(value) is { Length: > 0 } folder && !Directory.Exists(root / folder)
            ? Invalid($"no such file (the folder {folder} does not exist)")
            : Invalid("no such file" + absentNote);
    }
}
