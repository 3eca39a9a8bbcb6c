using Engine.Text;

namespace Engine.Workflows;

/// <summary>Job ids, artifact names and input names derived from target and parameter names.</summary>
internal static class JobId
{
    /// <summary>PushEcr → push-ecr, DeployBlueGreen → deploy-blue-green, BuildSBOM → build-sbom.</summary>
    public static string Kebab(string name) => PascalCaseWords.Join(name, '-').ToLowerInvariant();

    /// <summary>GitHub's rule for job ids, output names and input names.</summary>
    public static bool IsValid(string id) =>
        id.Length > 0 && (char.IsAsciiLetter(id[0]) || id[0] == '_') && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
}
