using System.Text.Json;
using System.Text.RegularExpressions;

namespace BuildTests.Aws;

/// <summary>
/// build/Aws/deploy-role-policy.json lists exactly the AWS operations the pipeline calls: each operation a client in
/// build/Aws sends is allowed (unless only tests and rehearsals use it), and each action allowed is one a client sends
/// (or one the Docker push to ECR needs), so the policy cannot drift from the code in either direction.
/// </summary>
public partial class DeployRolePolicyTests
{
    private static readonly Dictionary<string, string> ServiceOfClient = new()
    {
        ["Ecr"] = "ecr",
        ["Ecs"] = "ecs",
        ["Elbv2"] = "elasticloadbalancing",
        ["CloudWatch"] = "cloudwatch",
        ["CloudWatchLogs"] = "logs",
        ["Rds"] = "rds",
    };

    /// <summary>Sent only by tests and the moto rehearsal (metrics put, targets registered by hand) or kept for symmetry, never by a deploy.</summary>
    private static readonly HashSet<string> NotByTheDeploy =
        ["cloudwatch:PutMetricData", "elasticloadbalancing:RemoveTags", "elasticloadbalancing:ModifyRule", "ecs:UntagResource"];

    /// <summary>Allowed without a client call: docker push's layer uploads, CreateDBSnapshot's tags, passing roles to ECS.</summary>
    private static readonly HashSet<string> ImpliedByOthers =
    [
        "ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:InitiateLayerUpload", "ecr:UploadLayerPart", "ecr:CompleteLayerUpload",
        "ecr:PutImage", "rds:AddTagsToResource", "iam:PassRole",
    ];

    [Fact]
    public void The_policy_allows_exactly_what_the_clients_send()
    {
        var sent = Sent().Except(NotByTheDeploy).ToHashSet();
        var allowed = Allowed();

        Assert.Empty(sent.Except(allowed).Order());
        Assert.Empty(allowed.Except(sent).Except(ImpliedByOthers).Order());
    }

    [Fact]
    public void Deleting_a_database_or_a_target_group_is_allowed_only_for_what_a_recovery_drill_names_as_its_own()
    {
        using var policy = JsonDocument.Parse(File.ReadAllText(TestPaths.RepositoryRoot / "build" / "Aws" / "deploy-role-policy.json"));
        var deleting = policy.RootElement.GetProperty("Statement").EnumerateArray()
            .Where(s => s.GetProperty("Action").ToString().Contains("rds:DeleteDBInstance", StringComparison.Ordinal)
                || s.GetProperty("Action").ToString().Contains("elasticloadbalancing:DeleteTargetGroup", StringComparison.Ordinal))
            .ToList();

        var statement = Assert.Single(deleting);
        Assert.Equal(
            ["arn:aws:rds:*:*:db:*-drill-*", "arn:aws:elasticloadbalancing:*:*:targetgroup/*-drill/*"],
            statement.GetProperty("Resource").EnumerateArray().Select(r => r.GetString()));
    }

    private static HashSet<string> Sent()
    {
        var sent = new HashSet<string>();
        // The clients in build/Aws, and the calls the ECS platform makes beside them (build/Platforms/Ecs/Database/RdsResourceTags.cs).
        var files = Directory.GetFiles(TestPaths.RepositoryRoot / "build", "*.cs", SearchOption.AllDirectories).Where(f => Path.GetFileName(Path.GetDirectoryName(f)) == "Aws" || f.Replace('\\', '/').Contains("/Platforms/Ecs/Database/", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var name = Path.GetFileNameWithoutExtension(file);
            var client = ServiceOfClient.Keys.Where(c => name.StartsWith(c, StringComparison.Ordinal)).MaxBy(c => c.Length);
            if (client is null)
                continue;
            var service = ServiceOfClient[client];
            foreach (Match call in OperationCall().Matches(File.ReadAllText(file)))
                sent.Add($"{service}:{call.Groups["operation"].Value}");
        }

        Assert.Contains("ecs:RunTask", sent);
        return sent;
    }

    private static HashSet<string> Allowed()
    {
        using var policy = JsonDocument.Parse(File.ReadAllText(TestPaths.RepositoryRoot / "build" / "Aws" / "deploy-role-policy.json"));
        return policy.RootElement.GetProperty("Statement").EnumerateArray()
            .SelectMany(s => s.GetProperty("Action") is { ValueKind: JsonValueKind.Array } list ? list.EnumerateArray().Select(a => a.GetString()!) : [s.GetProperty("Action").GetString()!])
            .ToHashSet();
    }

    [GeneratedRegex(@"(?:CallAsync|CallOrNullAsync|CallAllPagesAsync|AllPages)\(\s*""(?<operation>[A-Z]\w+)""")]
    private static partial Regex OperationCall();
}
