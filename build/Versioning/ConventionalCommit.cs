using System.Text.RegularExpressions;

namespace Pipeline.Versioning;

/// <summary>
/// One commit read as a Conventional Commit (conventionalcommits.org): "type(scope)!: description", with a
/// "BREAKING CHANGE: …" footer also marking a breaking change. A squash-merged pull request is read from its subject
/// ("feat(api): add notes (#12)"); the list of squashed messages GitHub puts in the body does not decide its type.
/// </summary>
public sealed partial record ConventionalCommit(string Sha, string Subject, string? Type, string? Scope, string Description, string? BreakingChange)
{
    public bool IsBreaking => BreakingChange is not null;

    /// <summary>What this commit asks of the next version.</summary>
    public ChangeKind Kind => IsBreaking ? ChangeKind.Breaking : Type switch
    {
        "feat" => ChangeKind.Feature,
        "fix" => ChangeKind.Fix,
        "perf" => ChangeKind.Performance,
        _ => ChangeKind.None,
    };

    public static ConventionalCommit Parse(string sha, string subject, string body)
    {
        var header = Header().Match(subject.Trim());
        var footer = BreakingFooter().Match(body);
        var breaking = footer.Success ? footer.Groups["text"].Value.Trim()
            : header.Success && header.Groups["bang"].Success ? header.Groups["description"].Value.Trim()
            : null;
        return header.Success
            ? new(sha, subject, header.Groups["type"].Value.ToLowerInvariant(), header.Groups["scope"].Success ? header.Groups["scope"].Value : null,
                header.Groups["description"].Value.Trim(), breaking)
            : new(sha, subject, null, null, subject.Trim(), breaking);
    }

    [GeneratedRegex(@"^(?<type>[A-Za-z]+)(?:\((?<scope>[^()\r\n]+)\))?(?<bang>!)?:\s+(?<description>\S.*)$")]
    private static partial Regex Header();

    [GeneratedRegex(@"^BREAKING[ -]CHANGE:\s*(?<text>\S.*)$", RegexOptions.Multiline)]
    private static partial Regex BreakingFooter();
}

/// <summary>The kinds of change that move a version, weakest first.</summary>
public enum ChangeKind
{
    /// <summary>docs, chore, refactor, test, ci, build, style, or a message not in Conventional Commits form.</summary>
    None,
    Fix,
    Performance,
    Feature,
    Breaking,
}
