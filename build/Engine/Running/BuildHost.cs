using Engine.Cli;
using Engine.Output;

namespace Engine.Running;

/// <summary>
/// One invocation from command line to exit code: 0 success, 1 a target failed, 2 bad usage or invalid
/// parameters (nothing ran). Everything a target requires is checked before the first target runs. Whatever goes
/// wrong ends in one "error: " line, never a stack trace.
/// </summary>
public static class BuildHost
{
    public const int Success = 0;
    public const int TargetFailed = 1;
    public const int UsageError = 2;

    /// <summary>A real process: console redirected through redaction, Ctrl-C and SIGTERM cancel the run.</summary>
    public static int RunProcess(BuildBase build, string[] args, Func<BuildBase, Target?> defaultTarget)
    {
        var stdout = BestEffortStream.Writer(1, Console.OpenStandardOutput);
        // Shared by the output and the signal handler's note, which comes from another thread.
        var stderr = TextWriter.Synchronized(BestEffortStream.Writer(2, Console.OpenStandardError));
        using var signals = new SignalCancellation(stderr);
        var code = Run(build, args, defaultTarget, stdout, redirectConsole: true, Environment.GetEnvironmentVariable, signals.Token, stderr);
        return signals.StoppedAtOnce ?? code;
    }

    /// <param name="environment">How environment variables are read: the process's, or a test's own.</param>
    /// <param name="errorWriter">Where errors and warnings go (standard error); null: the same writer.</param>
    public static int Run(
        BuildBase build,
        string[] args,
        Func<BuildBase, Target?> defaultTarget,
        TextWriter writer,
        bool redirectConsole,
        Func<string, string?> environment,
        CancellationToken cancellation,
        TextWriter? errorWriter = null)
    {
        BuildEnvironment.Use(environment);
        errorWriter ??= writer;
        BuildArguments arguments;
        try
        {
            arguments = BuildArguments.Parse(args);
        }
        catch (UsageException e)
        {
            errorWriter.WriteLine($"error: {e.Message}");
            return UsageError;
        }

        var onGitHub = environment("GITHUB_ACTIONS") == "true";
        // NO_COLOR (no-color.org) and TERM=dumb turn escape codes off everywhere, GitHub's log included.
        var colorRefused = environment("NO_COLOR") is { Length: > 0 } || environment("TERM") == "dumb";
        var useColor = !colorRefused && (onGitHub || !Console.IsOutputRedirected);
        var output = new BuildOutput(writer, arguments.Verbosity, new SecretMasker(), redirectConsole && useColor, errorWriter);
        output.GitHub = GitHubActions.Detect(output, environment);
        BuildOutput.Current = output;
        var (originalOut, originalError) = (Console.Out, Console.Error);
        if (redirectConsole)
        {
            Console.SetOut(new RedirectedConsole(LogLevel.Information));
            Console.SetError(new RedirectedConsole(LogLevel.Error));
        }

        try
        {
            return new Invocation(build, arguments, output, defaultTarget, environment).RunAsync(cancellation).GetAwaiter().GetResult();
        }
        catch (UsageException e)
        {
            output.Write(LogLevel.Error, $"error: {e.Message}");
            return UsageError;
        }
        catch (Exception caught)
        {
            // The last resort for what nothing above expected: one line, the stack only when asked for. Build code
            // called through reflection (a parameter's getter) arrives wrapped: what it threw is the news.
            var e = caught is System.Reflection.TargetInvocationException { InnerException: { } inner } ? inner : caught;
            output.Write(LogLevel.Error, $"error: internal error: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}");
            if (arguments.Verbosity >= Verbosity.Verbose)
                output.Write(LogLevel.Error, e.ToString());
            return TargetFailed;
        }
        finally
        {
            if (redirectConsole)
            {
                Console.Out.Flush();
                Console.Error.Flush();
                Console.SetOut(originalOut);
                Console.SetError(originalError);
            }
        }
    }
}
