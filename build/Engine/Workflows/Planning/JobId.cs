using System.Text;

namespace Engine.Workflows;

/// <summary>Job ids, artifact names and input names derived from target and parameter names.</summary>
internal static class JobId
{
    /// <summary>PushEcr → push-ecr, DeployBlueGreen → deploy-blue-green, BuildSBOM → build-sbom.</summary>
    public static string Kebab(string name)
    {
        var text = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var startsWord = i > 0 && char.IsUpper(c) &&
                (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1])));
            if (startsWord)
                text.Append('-');
            text.Append(c == '_' ? '-' : char.ToLowerInvariant(c));
        }

        return text.ToString();
    }

    /// <summary>GitHub's rule for job ids, output names and input names.</summary>
    public static bool IsValid(string id) =>
        id.Length > 0 && (char.IsAsciiLetter(id[0]) || id[0] == '_') && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
}
