using System.Globalization;
using System.Text;
using Pipeline.Delivery;

namespace Pipeline.Platforms.Ecs;

/// <summary>
/// The environment's state and deploy lock as tags on the production listener, one readable field per tag (what
/// `aws elbv2 describe-tags` shows an operator). Every field is always written, empty when absent, so one AddTags call
/// replaces the whole state or lock at once: a crash leaves the old one or the new one, never a mix.
/// </summary>
public static class ListenerTags
{
    public const string Prefix = "deploy:";

    private static readonly string[] ReleaseFields = ["color", "image", "version", "commit", "run"];

    public static IReadOnlyDictionary<string, string> FromState(EnvironmentState state)
    {
        var tags = new Dictionary<string, string>();
        Release(tags, "live", state.Live);
        Release(tags, "previous", state.Previous);
        tags[$"{Prefix}standby-until"] = Time(state.StandbyUntil);
        var attempt = state.InProgress;
        tags[$"{Prefix}attempt-image"] = attempt?.Image ?? "";
        tags[$"{Prefix}attempt-color"] = attempt?.Color.Name() ?? "";
        tags[$"{Prefix}attempt-phase"] = Clean(attempt?.Phase);
        tags[$"{Prefix}attempt-run"] = Clean(attempt?.RunId);
        tags[$"{Prefix}attempt-started"] = Time(attempt?.Started);
        return tags;
    }

    public static EnvironmentState ToState(IReadOnlyDictionary<string, string> tags) => new()
    {
        Live = Release(tags, "live"),
        Previous = Release(tags, "previous"),
        StandbyUntil = Time(tags, "standby-until"),
        InProgress = Field(tags, "attempt-image") is { } image
            ? new DeployAttempt(image, ColorOf(tags, "attempt-color"), Field(tags, "attempt-phase") ?? "", Field(tags, "attempt-run") ?? "", Time(tags, "attempt-started") ?? DateTimeOffset.MinValue)
            : null,
    };

    public static IReadOnlyDictionary<string, string> FromLock(DeployLock? held) => new Dictionary<string, string>
    {
        [$"{Prefix}lock-owner"] = Clean(held?.Owner),
        [$"{Prefix}lock-run"] = Clean(held?.RunId),
        [$"{Prefix}lock-host"] = Clean(held?.Host),
        [$"{Prefix}lock-pid"] = held?.ProcessId.ToString(CultureInfo.InvariantCulture) ?? "",
        [$"{Prefix}lock-acquired"] = Time(held?.Acquired),
        [$"{Prefix}lock-expires"] = Time(held?.Expires),
    };

    public static DeployLock? ToLock(IReadOnlyDictionary<string, string> tags) =>
        Field(tags, "lock-run") is { } run
            ? new DeployLock(
                Field(tags, "lock-owner") ?? "", run, Field(tags, "lock-host") ?? "",
                int.TryParse(Field(tags, "lock-pid"), CultureInfo.InvariantCulture, out var pid) ? pid : 0,
                Time(tags, "lock-acquired") ?? DateTimeOffset.MinValue,
                Time(tags, "lock-expires") ?? DateTimeOffset.MinValue)
            : null;

    /// <summary>ELB tag values allow letters, digits, spaces and _ . : / = + - @; anything else in a free-text field becomes _.</summary>
    public static string Clean(string? text)
    {
        var clean = new StringBuilder();
        foreach (var c in text ?? "")
            clean.Append(char.IsLetterOrDigit(c) || c == ' ' || "_.:/=+-@".Contains(c, StringComparison.Ordinal) ? c : '_');
        return clean.Length <= 256 ? clean.ToString() : clean.ToString(0, 256);
    }

    private static void Release(Dictionary<string, string> tags, string name, ColorRelease? release)
    {
        string?[] values = [release?.Color.Name(), release?.Image, release?.Version, release?.Commit, release?.RunId];
        for (var i = 0; i < ReleaseFields.Length; i++)
            tags[$"{Prefix}{name}-{ReleaseFields[i]}"] = Clean(values[i]);
    }

    private static ColorRelease? Release(IReadOnlyDictionary<string, string> tags, string name) =>
        Field(tags, $"{name}-image") is { } image
            ? new ColorRelease(ColorOf(tags, $"{name}-color"), image, Field(tags, $"{name}-version"), Field(tags, $"{name}-commit"), Field(tags, $"{name}-run"))
            : null;

    private static Color ColorOf(IReadOnlyDictionary<string, string> tags, string field) => Field(tags, field) switch
    {
        "blue" => Color.Blue,
        "green" => Color.Green,
        var other => throw new InvalidOperationException($"listener tag {Prefix}{field} is '{other}', not blue or green: fix or remove the deploy:* tags"),
    };

    private static string? Field(IReadOnlyDictionary<string, string> tags, string field) =>
        tags.TryGetValue(Prefix + field, out var value) && value.Length > 0 ? value : null;

    private static string Time(DateTimeOffset? time) => time?.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) ?? "";

    private static DateTimeOffset? Time(IReadOnlyDictionary<string, string> tags, string field) =>
        Field(tags, field) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;
}
