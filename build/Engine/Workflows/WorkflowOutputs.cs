namespace Engine;

/// <summary>
/// A small value a target hands to later jobs (a digest, a version): on GitHub Actions it becomes an output of the
/// job's run step, which a workflow declaration maps to a later job's parameter; locally, and for later targets of the
/// same run, it is the file artifacts/outputs/NAME.txt. For anything larger than a value, use Produces/Consumes.
/// </summary>
public static class WorkflowOutputs
{
    public static void Set(BuildBase build, string name, string value)
    {
        if (!Workflows.JobId.IsValid(name))
            throw new ArgumentException($"'{name}' is not a valid output name: letters, digits, '-' and '_', starting with a letter or '_'.", nameof(name));
        File.WriteAllText(Directory(build).CreateDirectory() / $"{name}.txt", value);

        var outputFile = Environment.GetEnvironmentVariable("GITHUB_OUTPUT");
        if (string.IsNullOrEmpty(outputFile))
            return;
        if (BuildOutput.Current.Secrets.Values.Any(secret => value.Contains(secret, StringComparison.Ordinal)))
            Log.Warning($"Output {name} contains a secret; GitHub will not pass it to later jobs.");
        // A value with line breaks needs the heredoc form, with a delimiter that cannot occur in it.
        var entry = value.Contains('\n', StringComparison.Ordinal)
            ? $"{name}<<{Delimiter(value)}\n{value}\n{Delimiter(value)}\n"
            : $"{name}={value}\n";
        File.AppendAllText(outputFile, entry);
    }

    /// <summary>The value an earlier target of this machine set, or null.</summary>
    public static string? Get(BuildBase build, string name)
    {
        var file = Directory(build) / $"{name}.txt";
        return File.Exists(file) ? File.ReadAllText(file) : null;
    }

    private static AbsolutePath Directory(BuildBase build) => build.ArtifactsDirectory / "outputs";

    private static string Delimiter(string value)
    {
        var delimiter = "EOF_" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(value)))[..16];
        return value.Contains(delimiter, StringComparison.Ordinal) ? delimiter + "_" : delimiter;
    }
}
