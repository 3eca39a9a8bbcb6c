using Docker.DotNet;
using Docker.DotNet.Models;

namespace Pipeline.Tools;

/// <summary>
/// The calls for containers that run once and are found again by label: a one-off command's exit, and what a run
/// that was killed left behind (the next run removes it).
/// </summary>
internal static partial class DockerEngineApi
{
    /// <summary>Waits until the container exits and returns its exit code; past <paramref name="deadline"/> it is one line naming the container.</summary>
    public static async Task<long> WaitForExit(DockerEngine engine, string name, TimeSpan deadline, CancellationToken cancellation)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(deadline);
        try
        {
            return (await Call(engine, client => client.Containers.WaitContainerAsync(name, timeout.Token))).StatusCode;
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            throw new InvalidOperationException($"container {name} did not exit within {deadline.TotalSeconds:0} s");
        }
        catch (DockerApiException e)
        {
            throw new InvalidOperationException($"Could not wait for container {name} on {engine}: {Reason(e)}", e);
        }
    }

    /// <summary>The names of the containers, running or not, that carry the label with this value.</summary>
    public static async Task<IReadOnlyList<string>> NamesLabelled(DockerEngine engine, string label, string value, CancellationToken cancellation)
    {
        var parameters = new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"{label}={value}"] = true } },
        };
        try
        {
            var found = await Call(engine, client => client.Containers.ListContainersAsync(parameters, cancellation));
            return [.. found.SelectMany(container => container.Names ?? []).Select(name => name.TrimStart('/'))];
        }
        catch (DockerApiException e)
        {
            throw new InvalidOperationException($"Could not list the containers labelled {label}={value} on {engine}: {Reason(e)}", e);
        }
    }
}
