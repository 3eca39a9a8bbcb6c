namespace Pipeline.Linting;

/// <summary>One problem Lint found, located in a file.</summary>
internal sealed record LintFinding(string File, int Line, int Column, string Code, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Code} {Message}";

    /// <summary>A GitHub Actions annotation, shown on the pull request's diff.</summary>
    public string ToAnnotation() => $"::error file={File},line={Line},col={Column},title={Code}::{Message}";
}
