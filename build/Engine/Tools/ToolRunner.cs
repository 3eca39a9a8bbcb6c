using System.Diagnostics;

namespace Engine;

/// <summary>
/// Runs external tools: output streamed line by line through the (redacting) log, a timeout, the whole process
/// tree stopped on cancellation (and on a hard stop, through <see cref="ToolProcesses"/>), and a
/// <see cref="ToolException"/> with the essentials on a non-zero exit.
/// </summary>
public static class ToolRunner
{
    private const int ErrorLinesInMessage = 20;

    public static async Task<ToolResult> RunAsync(ToolInvocation invocation, CancellationToken cancellation = default)
    {
        var result = await RunUncheckedAsync(invocation, cancellation);
        if (result.ExitCode == 0)
            return result;
        var lastErrors = (result.Errors.Count > 0 ? result.Errors : result.Output).TakeLast(ErrorLinesInMessage);
        throw new ToolException(
            $"{invocation.CommandLine} exited with code {result.ExitCode} (in {invocation.WorkingDirectory ?? Directory.GetCurrentDirectory()})"
            + string.Concat(lastErrors.Select(l => Environment.NewLine + "  " + l)),
            result);
    }

    /// <summary>Like <see cref="RunAsync"/> but a non-zero exit is returned, for tools whose exit code is an answer.</summary>
    public static async Task<ToolResult> RunUncheckedAsync(ToolInvocation invocation, CancellationToken cancellation = default)
    {
        using var process = Start(invocation);
        try
        {
            return await WaitAsync(process, invocation, cancellation);
        }
        finally
        {
            ToolProcesses.Forget(process);
        }
    }

    private static async Task<ToolResult> WaitAsync(Process process, ToolInvocation invocation, CancellationToken cancellation)
    {
        var output = new List<string>();
        var errors = new List<string>();
        var reading = Task.WhenAll(
            Pump(process.StandardOutput, output, invocation.LogOutput ? Log.Information : null),
            Pump(process.StandardError, errors, invocation.LogOutput ? Log.Information : null));
        if (invocation.StandardInput is { } input)
            await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        if (invocation.Timeout is { } limit)
            timeout.CancelAfter(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
            // A background child of the tool may still hold its output open: that wait is cancelled like the tool's.
            await reading.WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            ToolProcesses.Stop(process);
            await process.WaitForExitAsync(CancellationToken.None);
            if (cancellation.IsCancellationRequested)
                throw;
            throw new ToolException($"{invocation.CommandLine} did not finish within {invocation.Timeout} and was stopped.");
        }

        return new ToolResult(process.ExitCode, output, errors);
    }

    private static Process Start(ToolInvocation invocation)
    {
        var start = new ProcessStartInfo(Resolve(invocation.Executable))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = invocation.WorkingDirectory ?? "",
        };
        foreach (var argument in invocation.Arguments)
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in invocation.Environment)
        {
            if (value is null)
                start.Environment.Remove(name);
            else
                start.Environment[name] = value;
        }

        Log.Debug($"> {invocation.CommandLine}");
        try
        {
            return ToolProcesses.Start(start);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new ToolException($"Could not start {invocation.Executable}: {e.Message}. Is it installed and on PATH?", e);
        }
    }

    /// <summary>DOCKER_EXE, DOTNET_EXE …: a variable named after the tool overrides where it is found, as in NUKE.</summary>
    private static string Resolve(string executable)
    {
        var variable = Path.GetFileNameWithoutExtension(executable).ToUpperInvariant().Replace('-', '_') + "_EXE";
        return BuildEnvironment.Get(variable) is { Length: > 0 } overridden ? overridden : executable;
    }

    // Standard error is logged as information: many tools write progress there; a failure surfaces through the exit code.
    private static async Task Pump(StreamReader reader, List<string> lines, Action<string>? log)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (lines)
                lines.Add(line);
            log?.Invoke(line);
        }
    }
}
