using System.Globalization;

namespace Pipeline.Platforms.Ecs.Recovery;

/// <summary>
/// What a recovery drill on ECS makes is recognised by these names and one tag, so that the next drill removes what a
/// killed one left: RDS instances &lt;app&gt;-&lt;env&gt;-drill-&lt;UTC time&gt;, one target group &lt;app&gt;-&lt;env&gt;-drill, one-off tasks
/// started by RecoveryDrill, and a rule on the test listener that forwards to that target group.
/// </summary>
internal sealed record EcsDrillNames(EcsNames Names)
{
    public const string StartedBy = "RecoveryDrill";

    /// <summary>The tag on what the drill makes; its value is the environment's prefix (&lt;app&gt;-&lt;env&gt;).</summary>
    public const string Tag = "app-pipeline-drill";

    /// <summary>The request header the test listener's drill rule matches: only requests that carry it reach the drill's task.</summary>
    public const string Header = "X-Recovery-Drill";

    /// <summary>What the drill's task reports as its color in /version: how the drill knows the rule sends requests to it and not to a color.</summary>
    public const string Color = "drill";

    private const string Stamp = "yyyyMMdd-HHmmss";

    public string InstancePrefix => $"{Names.Prefix}-drill-";

    public string TargetGroup => Names.Prefix.Length + "-drill".Length <= 32
        ? Names.Prefix + "-drill"
        : throw new InvalidOperationException($"'{Names.Prefix}-drill' is longer than the 32 characters AWS allows a target group name: shorten --ecs-app");

    public IReadOnlyDictionary<string, string> Tags => new Dictionary<string, string> { [Tag] = Names.Prefix, ["created-by"] = StartedBy };

    /// <summary>&lt;app&gt;-&lt;env&gt;-drill-&lt;yyyyMMdd-HHmmss&gt;: RDS allows 63 characters, a letter first, no "--" and no '-' at the end.</summary>
    public string Instance(DateTimeOffset time)
    {
        var id = InstancePrefix + time.UtcDateTime.ToString(Stamp, CultureInfo.InvariantCulture);
        return id.Length <= 63 ? id : throw new InvalidOperationException($"'{id}' is longer than the 63 characters RDS allows an instance name: shorten --ecs-app");
    }

    public bool IsDrillInstance(string id) => id.StartsWith(InstancePrefix, StringComparison.Ordinal);
}
