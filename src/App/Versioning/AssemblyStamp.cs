using System.Reflection;

namespace App.Versioning;

/// <summary>
/// The version and commit the build stamped into the assembly: its informational version, `1.2.3+commit` (the SDK
/// appends SourceRevisionId after a '+'). An unstamped build has none (App.csproj), so both are null.
/// </summary>
public sealed record AssemblyStamp(string? Version, string? Commit)
{
    public static AssemblyStamp Of(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return Parse(assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion);
    }

    public static AssemblyStamp Parse(string? informationalVersion)
    {
        if (string.IsNullOrWhiteSpace(informationalVersion))
        {
            return new AssemblyStamp(null, null);
        }

        var parts = informationalVersion.Trim().Split('+', 2);
        return new AssemblyStamp(parts[0], parts.Length == 2 && parts[1].Length > 0 ? parts[1] : null);
    }
}
