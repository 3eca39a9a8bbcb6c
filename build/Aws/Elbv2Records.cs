using System.Xml.Linq;

namespace Pipeline.Aws;

/// <summary>An application load balancer; <see cref="State"/> is its state code (provisioning, active, failed …).</summary>
public sealed record LoadBalancer(string Arn, string Name, string DnsName, string? VpcId, string State)
{
    public static LoadBalancer From(XElement member) => new(
        member.Required("LoadBalancerArn"),
        member.Required("LoadBalancerName"),
        member.Required("DNSName"),
        member.Text("VpcId"),
        member.Child("State")?.Text("Code") ?? "unknown");
}

public sealed record Listener(string Arn, string LoadBalancerArn, int Port, string Protocol, IReadOnlyList<ListenerAction> DefaultActions)
{
    public static Listener From(XElement member) => new(
        member.Required("ListenerArn"),
        member.Required("LoadBalancerArn"),
        member.Integer("Port") ?? 0,
        member.Text("Protocol") ?? "",
        [.. member.Members("DefaultActions").Select(ListenerAction.From)]);
}

/// <summary>
/// One action of a listener or rule, with the target groups a forward sends traffic to: a ForwardConfig's weighted
/// groups, or for a plain forward to one TargetGroupArn that group with weight 1; none for other types (redirect …).
/// </summary>
public sealed record ListenerAction(string Type, IReadOnlyList<WeightedTargetGroup> TargetGroups)
{
    // AWS's default weight for a group listed without one: a single group takes all the traffic.
    private const int DefaultWeight = 1;

    public static ListenerAction From(XElement member)
    {
        IReadOnlyList<WeightedTargetGroup> groups = member.Child("ForwardConfig") is { } config
            ? [.. config.Members("TargetGroups").Select(g => new WeightedTargetGroup(g.Required("TargetGroupArn"), g.Integer("Weight") ?? DefaultWeight))]
            : member.Text("TargetGroupArn") is { } single ? [new WeightedTargetGroup(single, DefaultWeight)] : [];
        return new ListenerAction(member.Required("Type"), groups);
    }
}

public sealed record WeightedTargetGroup(string TargetGroupArn, int Weight);

/// <summary>A listener rule; the default rule (priority "default") carries the listener's default actions.</summary>
public sealed record ListenerRule(string Arn, string Priority, bool IsDefault, IReadOnlyList<ListenerAction> Actions)
{
    public static ListenerRule From(XElement member) => new(
        member.Required("RuleArn"),
        member.Text("Priority") ?? "",
        string.Equals(member.Text("IsDefault"), "true", StringComparison.OrdinalIgnoreCase),
        [.. member.Members("Actions").Select(ListenerAction.From)]);
}

public sealed record TargetGroup(string Arn, string Name, int Port, string? HealthCheckPath, IReadOnlyList<string> LoadBalancerArns)
{
    public string? VpcId { get; init; }

    public static TargetGroup From(XElement member) => new(
        member.Required("TargetGroupArn"),
        member.Required("TargetGroupName"),
        member.Integer("Port") ?? 0,
        member.Text("HealthCheckPath"),
        [.. member.Members("LoadBalancerArns").Select(a => a.Value)])
    {
        VpcId = member.Text("VpcId"),
    };
}

/// <summary>A registered target's health: State healthy, unhealthy, initial, draining …; Reason a code, Description prose.</summary>
public sealed record TargetHealth(string Id, int? Port, string State, string? Reason, string? Description)
{
    public static TargetHealth From(XElement member)
    {
        var target = member.Child("Target");
        var health = member.Child("TargetHealth");
        return new TargetHealth(
            target?.Text("Id") ?? "",
            target?.Integer("Port"),
            health?.Text("State") ?? "unknown",
            health?.Text("Reason"),
            health?.Text("Description"));
    }
}
