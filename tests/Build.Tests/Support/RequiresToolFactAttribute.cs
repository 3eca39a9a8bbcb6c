namespace BuildTests;

/// <summary>
/// A fact that needs tools on PATH. Without them it is skipped with the reason shown, on a developer's machine only:
/// on CI (CI=true) it runs and fails, so a missing install step cannot pass unnoticed.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresToolFactAttribute : FactAttribute
{
    public RequiresToolFactAttribute(params string[] tools)
    {
        var missing = tools.Where(tool => !IsOnPath(tool)).ToList();
        if (missing.Count > 0 && Environment.GetEnvironmentVariable("CI") != "true")
            Skip = $"{string.Join(", ", missing)} not found on PATH (on CI this test fails instead of skipping)";
    }

    private static bool IsOnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(directory => File.Exists(Path.Combine(directory, tool)));
}
