using System.Net;

namespace Pipeline.Aws;

/// <summary>An error answer from an AWS API: the service's error code and message, the request id to quote to AWS support.</summary>
public sealed class AwsServiceException : Exception
{
    public AwsServiceException(string service, string operation, HttpStatusCode status, string code, string detail, string? requestId, int tries = 1)
        : base($"{service} {operation} failed: {code}: {detail} (HTTP {(int)status}{(requestId is null ? "" : $", request id {requestId}")}{(tries > 1 ? $", gave up after {tries} tries" : "")})")
    {
        Service = service;
        Operation = operation;
        Status = status;
        Code = code;
        Detail = detail;
        RequestId = requestId;
    }

    public AwsServiceException()
    {
    }

    public AwsServiceException(string message)
        : base(message)
    {
    }

    public AwsServiceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public string Service { get; } = "";
    public string Operation { get; } = "";
    public HttpStatusCode Status { get; }

    /// <summary>The error code without its namespace: RepositoryNotFoundException, ThrottlingException …</summary>
    public string Code { get; } = "";

    public string Detail { get; } = "";
    public string? RequestId { get; }

    /// <summary>The same error, saying how many tries were made: the last of a retried call.</summary>
    public AwsServiceException AfterTries(int tries) => new(Service, Operation, Status, Code, Detail, RequestId, tries);
}
