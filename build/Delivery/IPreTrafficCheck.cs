namespace Pipeline.Delivery;

/// <summary>
/// Checks run against the idle color through the test listener before it receives any production traffic (the
/// SmokeTest suite). A failure is a reason, one line, naming the check, the address and what came back.
/// </summary>
public interface IPreTrafficCheck
{
    Task<string?> FailureAsync(Uri address, ExpectedRelease expected, CancellationToken cancellation);
}

/// <summary>What /version must report: the release's version and commit, and the color it runs on.</summary>
public sealed record ExpectedRelease(string? Version, string? Commit, Color? Color);
