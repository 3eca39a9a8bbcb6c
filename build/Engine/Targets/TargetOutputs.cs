namespace Engine;

/// <summary>
/// Sets and reads <see cref="TargetOutput"/> values. Set is allowed only to the running target that declares the output
/// in its Outputs; the value goes to artifacts/outputs/NAME.txt for later targets of this machine and, on GitHub
/// Actions, to the step's outputs for later jobs. A value that holds a secret is refused: GitHub would drop it anyway.
/// </summary>
public static class TargetOutputs
{
    public static void Set(IBuild build, TargetOutput output, string value)
    {
        if (Running.TargetRunner.Current?.Target is { } running && !running.Outputs.Contains(output))
            throw new InvalidOperationException($"Target {running.Name} sets output '{output}' but does not declare it: add .Outputs({output.Name}) to its definition.");
        if (BuildOutput.Current.Secrets.Values.Any(secret => value.Contains(secret, StringComparison.Ordinal)))
            throw new InvalidOperationException($"Output '{output}' would contain a secret; pass secrets to later jobs as secrets, never as outputs.");
        File.WriteAllText(Directory(build).CreateDirectory() / $"{output.Name}.txt", value);

        if (BuildEnvironment.Get("GITHUB_OUTPUT") is not { Length: > 0 } outputFile)
            return;
        // A value with line breaks needs the heredoc form, with a delimiter that cannot occur in it.
        var entry = value.Contains('\n', StringComparison.Ordinal)
            ? $"{output.Name}<<{Delimiter(value)}\n{value}\n{Delimiter(value)}\n"
            : $"{output.Name}={value}\n";
        File.AppendAllText(outputFile, entry);
    }

    /// <summary>The value an earlier target of this machine set, or null.</summary>
    public static string? Get(IBuild build, TargetOutput output)
    {
        var file = Directory(build) / $"{output.Name}.txt";
        return File.Exists(file) ? File.ReadAllText(file) : null;
    }

    private static AbsolutePath Directory(IBuild build) => build.ArtifactsDirectory / "outputs";

    private static string Delimiter(string value)
    {
        var delimiter = "EOF_" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(value)))[..16];
        return value.Contains(delimiter, StringComparison.Ordinal) ? delimiter + "_" : delimiter;
    }
}
