using Amazon.Runtime;

namespace BuildTests.Aws;

/// <summary>
/// A VPC with two subnets and a security group in moto, made with EC2's query API (version 2016-11-15, XML answers
/// without a Result element): what a load balancer needs to exist. Made through our query client rather than the
/// awscli, so the tests need nothing but moto.
/// </summary>
internal sealed record MotoNetwork(string VpcId, IReadOnlyList<string> SubnetIds, string SecurityGroupId)
{
    private static readonly AwsQueryService Ec2 = new("EC2", "EC2", "ec2", "ec2", "2016-11-15");

    /// <summary>A connection to moto (TEST_AWS_ENDPOINT) in us-east-1 with fake keys.</summary>
    public static AwsConnection Connection()
    {
        var moto = Services.Address(Services.Moto);
        return new AwsConnection("us-east-1", new BasicAWSCredentials("test", "test")) { Environment = name => name == "AWS_ENDPOINT_URL" ? moto : null };
    }

    public static async Task<MotoNetwork> Create(CancellationToken cancellation)
    {
        using var ec2 = new AwsQueryClient(Connection(), Ec2);
        // A /16 of its own for each network, so tests running together never overlap.
        var octet = Random.Shared.Next(16, 250);
        var vpc = await ec2.CallAsync("CreateVpc", new AwsQueryParameters().Add("CidrBlock", $"10.{octet}.0.0/16"), cancellation);
        var vpcId = vpc.Child("vpc")!.Required("vpcId");
        var subnets = new List<string>();
        foreach (var (zone, index) in new[] { ("us-east-1a", 1), ("us-east-1b", 2) })
        {
            var parameters = new AwsQueryParameters().Add("VpcId", vpcId).Add("CidrBlock", $"10.{octet}.{index}.0/24").Add("AvailabilityZone", zone);
            var subnet = await ec2.CallAsync("CreateSubnet", parameters, cancellation);
            subnets.Add(subnet.Child("subnet")!.Required("subnetId"));
        }

        var group = await ec2.CallAsync(
            "CreateSecurityGroup",
            new AwsQueryParameters().Add("GroupName", "alb-" + Guid.NewGuid().ToString("N")[..8]).Add("GroupDescription", "load balancer").Add("VpcId", vpcId),
            cancellation);
        return new MotoNetwork(vpcId, subnets, group.Required("groupId"));
    }
}
