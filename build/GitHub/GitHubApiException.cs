using System.Net;

namespace Pipeline.GitHub;

/// <summary>GitHub answered an API call with an error: the status, its message and its error codes, never the token.</summary>
public sealed class GitHubApiException : Exception
{
    public GitHubApiException(string request, HttpStatusCode status, string? message, IReadOnlyList<string> errorCodes, Exception? innerException = null)
        : base($"GitHub answered {request} with {(int)status} {status}: {message ?? "(no message)"}" +
            (errorCodes.Count > 0 ? $" ({string.Join(", ", errorCodes)})" : "") +
            (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound
                ? ". Check the repository name and that the token may write its contents." : ""), innerException)
    {
        Status = status;
        ErrorCodes = errorCodes;
    }

    public GitHubApiException()
    {
        ErrorCodes = [];
    }

    public GitHubApiException(string message)
        : base(message) => ErrorCodes = [];

    public GitHubApiException(string message, Exception innerException)
        : base(message, innerException) => ErrorCodes = [];

    public HttpStatusCode Status { get; }

    /// <summary>The "code" of each entry in GitHub's "errors" list, e.g. already_exists.</summary>
    public IReadOnlyList<string> ErrorCodes { get; }

    /// <summary>422 with already_exists: an asset of that name is there (perhaps a broken upload).</summary>
    public bool IsAlreadyExists => Status == HttpStatusCode.UnprocessableEntity && ErrorCodes.Contains("already_exists");
}
