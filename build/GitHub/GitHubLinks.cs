namespace Pipeline.GitHub;

/// <summary>Web links into a repository on GitHub (or GitHub Enterprise at its own server URL), for notes people read.</summary>
public sealed record GitHubLinks(Uri Server, GitHubRepositoryName Repository)
{
    public string Commit(string sha) => $"{Base}/commit/{sha}";

    public string Compare(string from, string to) => $"{Base}/compare/{from}...{to}";

    private string Base => $"{Server.AbsoluteUri.TrimEnd('/')}/{Repository}";
}
