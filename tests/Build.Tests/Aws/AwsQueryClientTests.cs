using System.Net;
using System.Text;
using Amazon.Runtime;

namespace BuildTests.Aws;

/// <summary>The awsQuery client without a network: how parameters flatten, what is sent, how XML answers and errors read.</summary>
public class AwsQueryClientTests
{
    private static readonly AwsRetryPolicy FastRetry = new(MaxAttempts: 3, BaseDelay: TimeSpan.FromMilliseconds(5), MaxDelay: TimeSpan.FromMilliseconds(20));

    [Fact]
    public void Lists_flatten_as_member_N_and_nested_structures_by_their_path()
    {
        var parameters = new AwsQueryParameters()
            .Add("ListenerArn", "arn:l")
            .List("DefaultActions", [new[] { ("arn:blue", 90), ("arn:green", 10) }], (action, groups) => action
                .Add("Type", "forward")
                .Structure("ForwardConfig", config => config.List("TargetGroups", groups, (group, g) => group.Add("TargetGroupArn", g.Item1).Add("Weight", g.Item2))))
            .List("Subnets", ["subnet-a", "subnet-b"])
            .Tags(new Dictionary<string, string> { ["z"] = "last", ["a"] = "first" });

        Assert.Equal(
            [
                "ListenerArn=arn:l",
                "DefaultActions.member.1.Type=forward",
                "DefaultActions.member.1.ForwardConfig.TargetGroups.member.1.TargetGroupArn=arn:blue",
                "DefaultActions.member.1.ForwardConfig.TargetGroups.member.1.Weight=90",
                "DefaultActions.member.1.ForwardConfig.TargetGroups.member.2.TargetGroupArn=arn:green",
                "DefaultActions.member.1.ForwardConfig.TargetGroups.member.2.Weight=10",
                "Subnets.member.1=subnet-a",
                "Subnets.member.2=subnet-b",
                "Tags.member.1.Key=a",
                "Tags.member.1.Value=first",
                "Tags.member.2.Key=z",
                "Tags.member.2.Value=last",
            ],
            parameters.Select(p => $"{p.Key}={p.Value}"));
    }

    [Fact]
    public void RDS_names_its_list_items_otherwise()
    {
        var parameters = new AwsQueryParameters().Tags(new Dictionary<string, string> { ["app"] = "web" }, member: "Tag");

        Assert.Equal(["Tags.Tag.1.Key=app", "Tags.Tag.1.Value=web"], parameters.Select(p => $"{p.Key}={p.Value}"));
    }

    [Fact]
    public async Task The_request_is_a_signed_form_post_with_action_and_version_and_the_result_is_read_by_local_name()
    {
        var transport = new RecordingTransport((HttpStatusCode.OK, """
            <DescribeTagsResponse xmlns="http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/">
              <DescribeTagsResult><TagDescriptions><member><ResourceArn>arn:x</ResourceArn></member></TagDescriptions></DescribeTagsResult>
              <ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata>
            </DescribeTagsResponse>
            """));
        using var client = new AwsQueryClient(Connection(new Uri("http://127.0.0.1:9/")), Elbv2.Service, transport);

        var result = await client.CallAsync("DescribeTags", new AwsQueryParameters().List("ResourceArns", ["arn:x", "arn:y z"]), CancellationToken.None);

        Assert.Equal("arn:x", Assert.Single(result.Members("TagDescriptions")).Required("ResourceArn"));
        var request = Assert.Single(transport.Requests);
        Assert.Equal("Action=DescribeTags&Version=2015-12-01&ResourceArns.member.1=arn%3Ax&ResourceArns.member.2=arn%3Ay+z", request.Body);
        Assert.Equal("application/x-www-form-urlencoded", request.ContentType);
        Assert.Contains("/us-east-1/elasticloadbalancing/aws4_request", request.Authorization, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_without_a_result_element_is_its_root_as_in_EC2()
    {
        var transport = new RecordingTransport((HttpStatusCode.OK, """<CreateVpcResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><vpc><vpcId>vpc-1</vpcId></vpc></CreateVpcResponse>"""));
        using var client = new AwsQueryClient(Connection(new Uri("http://127.0.0.1:9/")), Elbv2.Service, transport);

        var result = await client.CallAsync("CreateVpc", [], CancellationToken.None);

        Assert.Equal("vpc-1", result.Child("vpc")!.Required("vpcId"));
    }

    [Fact]
    public async Task An_XML_throttle_is_retried_and_a_client_error_is_typed_with_the_request_id_of_the_body()
    {
        var transport = new RecordingTransport(
            (HttpStatusCode.BadRequest, ErrorResponse("Throttling", "Rate exceeded")),
            (HttpStatusCode.BadRequest, ErrorResponse("LoadBalancerNotFound", "One or more load balancers not found")));
        using var client = new AwsQueryClient(Connection(new Uri("http://127.0.0.1:9/")), Elbv2.Service, transport);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => client.CallAsync("DescribeLoadBalancers", [], CancellationToken.None));

        Assert.Equal(2, transport.Requests.Count);
        Assert.Equal(("LoadBalancerNotFound", "One or more load balancers not found", "req-xml-7"), (error.Code, error.Detail, error.RequestId));
        Assert.Equal("ELBv2 DescribeLoadBalancers failed: LoadBalancerNotFound: One or more load balancers not found (HTTP 400, request id req-xml-7, gave up after 2 tries)", error.Message);
    }

    [Fact]
    public void EC2s_error_shape_reads_the_same()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.BadRequest);
        const string body = "<Response><Errors><Error><Code>InvalidVpcID.NotFound</Code><Message>The vpc ID 'vpc-1' does not exist</Message></Error></Errors><RequestID>ec2-req</RequestID></Response>";

        var error = AwsErrorResponse.Read("EC2", "DescribeVpcs", response, body);

        Assert.Equal(("InvalidVpcID.NotFound", "The vpc ID 'vpc-1' does not exist", "ec2-req"), (error.Code, error.Detail, error.RequestId));
    }

    internal static AwsConnection Connection(Uri endpoint) =>
        new("us-east-1", new BasicAWSCredentials("AKIDEXAMPLE", "not-a-real-secret"))
        {
            Retry = FastRetry,
            Environment = name => name == "AWS_ENDPOINT_URL" ? endpoint.ToString() : null,
        };

    private static string ErrorResponse(string code, string message) =>
        $"<ErrorResponse xmlns=\"http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/\"><Error><Type>Sender</Type><Code>{code}</Code><Message>{message}</Message></Error><RequestId>req-xml-7</RequestId></ErrorResponse>";

    /// <summary>The transport under the signer: records what would be sent and answers from a script (the last answer repeats).</summary>
    private sealed class RecordingTransport(params (HttpStatusCode Status, string Body)[] script) : HttpMessageHandler
    {
        public List<(string Body, string? ContentType, string Authorization)> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            Requests.Add((body, request.Content?.Headers.ContentType?.MediaType, request.Headers.TryGetValues("Authorization", out var values) ? string.Join(",", values) : ""));
            var (status, text) = script[Math.Min(Requests.Count, script.Length) - 1];
            return new HttpResponseMessage(status) { Content = new StringContent(text, Encoding.UTF8, "text/xml") };
        }
    }
}
