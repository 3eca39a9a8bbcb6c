using System.Net.Http.Headers;
using System.Text.Json;
using Engine;

namespace Pipeline.Aws;

/// <summary>
/// GitHub Actions' OIDC ID token as the web identity with which AWSSDK.Core's default chain assumes AWS_ROLE_ARN. A
/// job with <c>permissions: id-token: write</c> gets a token endpoint (ACTIONS_ID_TOKEN_REQUEST_URL and _TOKEN); when
/// it names a role but no token file, the build fetches the token for STS's audience, writes it to a file only this
/// user can read and points AWS_WEB_IDENTITY_TOKEN_FILE at it. So CI needs no aws-actions step and runs the same
/// credential code as a laptop, where keys or a profile make this do nothing.
/// </summary>
internal static class GitHubOidcToken
{
    /// <summary>The audience AWS's IAM OIDC provider for GitHub expects in the token.</summary>
    public const string Audience = "sts.amazonaws.com";

    /// <summary>
    /// Fetches the token and sets the variables the default chain reads, when this is a GitHub job meant to assume a
    /// role by OIDC; returns the token file, or null when the chain has what it needs another way.
    /// </summary>
    public static string? ProvideForDefaultChain()
    {
        if (BuildEnvironment.Get("AWS_ROLE_ARN") is not { Length: > 0 }
            || BuildEnvironment.Get("AWS_WEB_IDENTITY_TOKEN_FILE") is { Length: > 0 }
            || BuildEnvironment.Get("AWS_ACCESS_KEY_ID") is { Length: > 0 })
            return null;
        if (BuildEnvironment.Get("ACTIONS_ID_TOKEN_REQUEST_URL") is not { Length: > 0 } url || BuildEnvironment.Get("ACTIONS_ID_TOKEN_REQUEST_TOKEN") is not { Length: > 0 } bearer)
        {
            // Outside GitHub a role without a token file is the chain's to report; inside, the job lacks the permission.
            return BuildEnvironment.IsGitHubActions
                ? throw new InvalidOperationException("AWS_ROLE_ARN is set, but this job may not request GitHub's OIDC token: give it permissions: id-token: write (a JobDeclaration with Aws does).")
                : null;
        }

        Secrets.Register(bearer);
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var token = Fetch(new Uri(url), bearer, client);
        var file = WritePrivate(token, BuildEnvironment.Get("RUNNER_TEMP") is { Length: > 0 } runnerTemp ? runnerTemp : Path.GetTempPath());
        Environment.SetEnvironmentVariable("AWS_WEB_IDENTITY_TOKEN_FILE", file);
        if (BuildEnvironment.Get("AWS_ROLE_SESSION_NAME") is not { Length: > 0 })
            Environment.SetEnvironmentVariable("AWS_ROLE_SESSION_NAME", SessionName());
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            if (File.Exists(file))
                File.Delete(file);
        };
        return file;
    }

    /// <summary>The ID token for <see cref="Audience"/>, registered as a secret before anything could print it.</summary>
    public static string Fetch(Uri requestUrl, string bearer, HttpClient client)
    {
        // The URL GitHub gives already carries a query (the API version).
        var separator = string.IsNullOrEmpty(requestUrl.Query) ? "?" : "&";
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(requestUrl + separator + "audience=" + Uri.EscapeDataString(Audience)));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        HttpResponseMessage response;
        try
        {
            // Synchronous: the default chain that needs the token is synchronous too.
            response = client.Send(request);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            throw new InvalidOperationException($"GitHub's OIDC token endpoint ({requestUrl.Host}) did not answer: {e.Message}", e);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
                throw new InvalidOperationException($"GitHub's OIDC token endpoint answered HTTP {(int)response.StatusCode}: no web identity for AWS_ROLE_ARN.");
            using var body = response.Content.ReadAsStream();
            string? token;
            try
            {
                using var json = JsonDocument.Parse(body);
                token = json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.String
                    ? value.GetString()
                    : null;
            }
            catch (JsonException)
            {
                token = null;
            }

            Secrets.Register(token);
            return token is { Length: > 0 } ? token : throw new InvalidOperationException("GitHub's OIDC token endpoint answered without a token (no \"value\" in its JSON).");
        }
    }

    /// <summary>A new file that only this user can read (the token is a credential until it expires).</summary>
    private static string WritePrivate(string token, string directory)
    {
        var file = Path.Combine(directory, $"aws-web-identity-{Guid.NewGuid():N}.jwt");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var writer = new StreamWriter(file, options);
        writer.Write(token);
        return file;
    }

    /// <summary>The run in CloudTrail: github-&lt;run id&gt;-&lt;attempt&gt;, within STS's 64 characters.</summary>
    private static string SessionName()
    {
        var run = BuildEnvironment.Get("GITHUB_RUN_ID") is { Length: > 0 } id ? $"{id}-{BuildEnvironment.Get("GITHUB_RUN_ATTEMPT") ?? "1"}" : DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
        var name = new string($"github-{run}".Where(c => char.IsAsciiLetterOrDigit(c) || "+=,.@-_".Contains(c)).ToArray());
        return name.Length <= 64 ? name : name[..64];
    }
}
