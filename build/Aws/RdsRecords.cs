using System.Xml.Linq;

namespace Pipeline.Aws;

/// <summary>A DB snapshot; <see cref="Status"/> is creating, available, failed …; <see cref="Created"/> absent while it is made.</summary>
public sealed record DbSnapshot(string Id, string InstanceId, string Status, DateTimeOffset? Created, string Arn)
{
    public static DbSnapshot From(XElement snapshot) => new(
        snapshot.Required("DBSnapshotIdentifier"),
        snapshot.Required("DBInstanceIdentifier"),
        snapshot.Text("Status") ?? "unknown",
        snapshot.Timestamp("SnapshotCreateTime"),
        snapshot.Required("DBSnapshotArn"));
}

/// <summary>A DB instance; the endpoint is absent until the instance has one (while it is being created).</summary>
public sealed record DbInstance(string Id, string Status, string? Endpoint, int? Port, string Arn)
{
    /// <summary>Where it is: its subnet group, security groups and class, which a copy of it takes over.</summary>
    public DbPlacement Placement { get; init; } = new(null, [], null);

    public static DbInstance From(XElement instance)
    {
        var endpoint = instance.Child("Endpoint");
        return new DbInstance(
            instance.Required("DBInstanceIdentifier"),
            instance.Text("DBInstanceStatus") ?? "unknown",
            endpoint?.Text("Address"),
            endpoint?.Integer("Port"),
            instance.Required("DBInstanceArn"))
        {
            Placement = new DbPlacement(
                instance.Child("DBSubnetGroup")?.Text("DBSubnetGroupName"),
                [.. instance.Members("VpcSecurityGroups", "VpcSecurityGroupMembership").Select(g => g.Text("VpcSecurityGroupId")).OfType<string>()],
                instance.Text("DBInstanceClass")),
        };
    }
}

/// <summary>An instance's place in the network: its DB subnet group, VPC security groups and instance class (each may be absent).</summary>
public sealed record DbPlacement(string? SubnetGroup, IReadOnlyList<string> SecurityGroups, string? InstanceClass);
