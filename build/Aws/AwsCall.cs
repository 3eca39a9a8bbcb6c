using Amazon;
using Amazon.Runtime.Signing;
using Engine;

namespace Pipeline.Aws;

/// <summary>
/// The transport every protocol's client shares: one AWS service's endpoint, requests signed by AWSSDK.Core's SigV4
/// handler, and the retry loop of <see cref="AwsRetryPolicy"/>. An error answer becomes an <see cref="AwsServiceException"/>;
/// a service that cannot be reached or does not answer, one line with its address.
/// </summary>
internal sealed class AwsCall : IDisposable
{
    private readonly HttpClient http;
    private readonly AwsRetryPolicy retry;
    private readonly string service;

    public AwsCall(AwsConnection connection, string service, string serviceId, string signingName, string hostPrefix, HttpMessageHandler? transport)
    {
        this.service = service;
        Endpoint = connection.Endpoint(serviceId, hostPrefix);
        retry = connection.Retry;
        var signing = new SigV4SigningHandler(connection.Credentials, RegionEndpoint.GetBySystemName(connection.Region), signingName, transport ?? new SocketsHttpHandler());
        http = new HttpClient(signing) { Timeout = TimeSpan.FromSeconds(60) };
    }

    public Uri Endpoint { get; }

    /// <summary>
    /// Sends the request <paramref name="request"/> makes and returns the body of a successful answer. A new message per
    /// try, because the signature covers the time it was made.
    /// </summary>
    public async Task<string> SendAsync(string operation, Func<HttpRequestMessage> request, CancellationToken cancellation)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await SendOnceAsync(operation, request, cancellation);
            }
            catch (Exception e) when (attempt < retry.MaxAttempts && IsRetryable(e, cancellation))
            {
                var delay = retry.DelayAfter(attempt);
                Log.Information($"{service} {operation}: {Reason(e)}; try {attempt + 1} of {retry.MaxAttempts} in {delay.TotalSeconds:0.0}s");
                await Task.Delay(delay, cancellation);
            }
            catch (AwsServiceException e) when (attempt > 1)
            {
                throw e.AfterTries(attempt);
            }
            catch (HttpRequestException e)
            {
                throw new AwsServiceException($"{service} {operation} failed: cannot reach {Endpoint} after {attempt} tries: {e.Message}", e);
            }
            catch (TaskCanceledException e) when (!cancellation.IsCancellationRequested)
            {
                throw new AwsServiceException($"{service} {operation} failed: {Endpoint} did not answer within {http.Timeout.TotalSeconds:0}s ({attempt} tries)", e);
            }
        }
    }

    public void Dispose() => http.Dispose();

    private async Task<string> SendOnceAsync(string operation, Func<HttpRequestMessage> request, CancellationToken cancellation)
    {
        using var message = request();
        using var response = await http.SendAsync(message, cancellation);
        var text = await response.Content.ReadAsStringAsync(cancellation);
        return response.IsSuccessStatusCode ? text : throw AwsErrorResponse.Read(service, operation, response, text);
    }

    private static bool IsRetryable(Exception e, CancellationToken cancellation) => e switch
    {
        AwsServiceException error => AwsRetryPolicy.IsRetryable(error),
        HttpRequestException => true,
        TaskCanceledException => !cancellation.IsCancellationRequested,
        _ => false,
    };

    private static string Reason(Exception e) => e is AwsServiceException error ? $"{error.Code} (HTTP {(int)error.Status})" : e.Message;
}
