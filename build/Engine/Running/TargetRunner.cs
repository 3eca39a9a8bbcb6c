using Engine.Output;
using Engine.Planning;

namespace Engine.Running;

/// <summary>
/// Runs a plan: each target once its planned predecessors have finished, up to <c>maxParallel</c> at a time.
/// After a failure (unless ProceedAfterFailure) or a cancellation, only assured targets still start.
/// </summary>
internal sealed class TargetRunner(ExecutionPlan plan, BuildOutput output, int maxParallel)
{
    private static readonly AsyncLocal<TargetResult?> CurrentResult = new();
    private readonly GitHubActions? gitHub = output.GitHub;

    /// <summary>The result of the target running in this async flow, for <see cref="BuildBase.ReportSummary"/>.</summary>
    public static TargetResult? Current => CurrentResult.Value;

    public static void ReportSummary(string line)
    {
        if (Current is { } result)
            result.Summary = line;
    }

    public async Task<IReadOnlyList<TargetResult>> RunAsync(CancellationToken cancellation)
    {
        var results = plan.Targets.ToDictionary(t => t, t => new TargetResult(t));
        BuildRun.Current = new BuildRun(plan.Invoked, results.Values);
        foreach (var (target, reason) in plan.SkipReasons)
            (results[target].Status, results[target].Summary) = (TargetStatus.Skipped, reason);
        foreach (var (target, error) in plan.ConditionErrors)
        {
            (results[target].Status, results[target].Summary) = (TargetStatus.Failed, error);
            output.Write(LogLevel.Error, $"{target.Name} failed: {error}");
        }

        var running = new Dictionary<Task, TargetResult>();
        var stopped = plan.ConditionErrors.Keys.Any(t => !t.IsProceedAfterFailure);
        while (true)
        {
            StartReady(results, running, stopped || cancellation.IsCancellationRequested, cancellation);
            if (running.Count == 0)
                break;
            var finished = await Task.WhenAny(running.Keys);
            var result = running[finished];
            running.Remove(finished);
            stopped |= result.Status == TargetStatus.Failed && !result.Target.IsProceedAfterFailure;
            if (result.Status == TargetStatus.Skipped)
                SkipWhatOnlyItNeeded(results);
        }

        return plan.Targets.Select(t => results[t]).ToList();
    }

    /// <summary>After a dynamic skip: scheduled targets that only skipped targets needed (what they trigger) are skipped too.</summary>
    private void SkipWhatOnlyItNeeded(Dictionary<ExecutableTarget, TargetResult> results)
    {
        var ran = results.Values.Where(r => r.Status is not (TargetStatus.Scheduled or TargetStatus.Skipped)).Select(r => r.Target);
        var notNeeded = SkipPropagation.NotNeeded(plan.Targets, plan.Invoked.Concat(ran), t => results[t].Status == TargetStatus.Skipped);
        foreach (var (target, reason) in notNeeded.Where(n => results[n.Key].Status == TargetStatus.Scheduled))
            (results[target].Status, results[target].Summary) = (TargetStatus.Skipped, reason);
    }

    private void StartReady(Dictionary<ExecutableTarget, TargetResult> results, Dictionary<Task, TargetResult> running, bool stopped, CancellationToken cancellation)
    {
        foreach (var result in plan.Targets.Select(t => results[t]).Where(r => r.Status == TargetStatus.Scheduled))
        {
            if (running.Count >= maxParallel)
                return;
            if (!plan.PlannedPredecessors(result.Target).All(p => results[p].IsFinished))
                continue;

            var target = result.Target;
            var failedDependency = target.ExecutionDependencies.Where(plan.Contains).FirstOrDefault(d => results[d].IsUnsuccessful);
            if (!target.IsAssuredAfterFailure && (stopped || failedDependency is not null))
            {
                result.Status = TargetStatus.NotRun;
                result.Summary = failedDependency is not null ? $"{failedDependency.Name} did not succeed" : null;
                continue;
            }

            result.Status = TargetStatus.Running;
            // An assured target (clean-up, rollback) must finish even when the build is being cancelled.
            var token = target.IsAssuredAfterFailure ? CancellationToken.None : cancellation;
            running.Add(RunTargetAsync(result, token), result);
        }
    }

    private async Task RunTargetAsync(TargetResult result, CancellationToken cancellation)
    {
        await Task.Yield(); // its own async flow, so the buffer and current result below stay with this target
        var parallel = maxParallel > 1;
        var name = result.Target.Name;
        if (parallel)
            output.WriteNow($"▶ {name} started");
        using var buffer = parallel ? output.BeginBuffer() : null;
        CurrentResult.Value = result;
        if (!result.Target.IsCollective)
            Header(name);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            if (result.Target.Definition.DynamicConditions.FirstOrDefault(c => !c.Evaluate()) is { } condition)
            {
                (result.Status, result.Summary) = (TargetStatus.Skipped, condition.Text);
                Log.Information($"Skipped: {condition.Text} is false.");
                return;
            }

            foreach (var action in result.Target.Definition.Actions)
                await action(cancellation);
            result.Status = TargetStatus.Succeeded;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            (result.Status, result.Summary) = (TargetStatus.Aborted, "cancelled");
            Log.Error($"{name} was cancelled.");
        }
        catch (Exception e)
        {
            result.Status = TargetStatus.Failed;
            result.Summary ??= FirstLine(e.Message);
            Log.Error($"{name} failed: {e.Message}");
            Log.Debug(e.ToString());
            gitHub?.Error($"{name} failed", output.Secrets.Redact(e.Message));
        }
        finally
        {
            result.Duration = clock.Elapsed;
            Console.Out.Flush(); // what the target printed without a final newline still belongs to it
            Console.Error.Flush();
            if (gitHub is not null && !result.Target.IsCollective)
                gitHub.EndGroup();
        }
    }

    private void Header(string name)
    {
        if (gitHub is not null)
            gitHub.BeginGroup(name);
        if (output.IsEnabled(LogLevel.Warning))
            output.WriteLine(output.Bold($"── {name} {new string('─', Math.Max(3, 60 - name.Length))}"));
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
