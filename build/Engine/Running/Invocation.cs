using Engine.Cli;
using Engine.Output;
using Engine.Parameters;
using Engine.Planning;
using Engine.Targets;

namespace Engine.Running;

/// <summary>The steps of one build invocation after the command line parsed: bind, plan, check, run, report.</summary>
internal sealed class Invocation(BuildBase build, BuildArguments arguments, BuildOutput output, Func<BuildBase, Target?> defaultTarget, Func<string, string?> environment)
{
    public async Task<int> RunAsync(CancellationToken cancellation)
    {
        build.RootDirectory = FindRoot();
        build.Verbosity = arguments.Verbosity;
        var graph = TargetGraph.FromBuild(build);
        foreach (var target in arguments.Targets.Select(name => Planner.Resolve(graph, name)).Where(t => t.Definition.ProfileName is not null))
            arguments.ImplyProfile(target.Definition.ProfileName!, target.Name);
        build.Profile = arguments.Profile;
        var parameters = BuildParameter.Of(build.GetType());
        new ParameterBinder(build.RootDirectory, environment).Bind(build, parameters, arguments);
        RegisterSecrets(parameters);
        SchemaWriter.Update(build.RootDirectory, graph, parameters);

        var fallback = defaultTarget(build) is { } factory ? graph.Find(factory) : null;
        if (arguments.Help)
        {
            output.WriteLine(HelpText.Render(graph, fallback, parameters, build));
            return BuildHost.Success;
        }

        var invoked = arguments.Targets.Count > 0 ? arguments.Targets
            : fallback is not null ? [fallback.Name]
            : throw new UsageException("No target given and the build has no default target. Run --help to list the targets.");
        var plan = Planner.Plan(graph, invoked, arguments.Skip, evaluateConditions: true);
        if (arguments.Plan)
            return await PreviewAsync(plan, WritePlan(plan), cancellation);

        CheckRequirements(graph, plan, parameters);
        return await RunPlanAsync(plan, cancellation);
    }

    private AbsolutePath FindRoot()
    {
        if ((arguments.Root ?? environment("NUKE_ROOT_DIRECTORY")) is { Length: > 0 } given)
        {
            return Directory.Exists(Path.Combine(given, ".nuke"))
                ? new AbsolutePath(given)
                : throw new UsageException($"'{given}' is not a build root: it has no .nuke/ folder.");
        }

        for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
        {
            if (Directory.Exists(Path.Combine(directory.FullName, ".nuke")))
                return new AbsolutePath(directory.FullName);
        }

        throw new UsageException("No build root found: no folder with .nuke/ above the current directory. Pass --root.");
    }

    private void RegisterSecrets(IReadOnlyList<BuildParameter> parameters)
    {
        foreach (var parameter in parameters.Where(p => p.IsSecret))
        {
            var value = parameter.GetValue(build);
            foreach (var text in value is Array array ? array.Cast<object?>() : [value])
                Secrets.Register(text?.ToString());
        }
    }

    private int WritePlan(ExecutionPlan plan)
    {
        output.WriteLine(PlanText.Render(plan, arguments.MaxParallel));
        var file = build.ArtifactsDirectory / "plan.md";
        try
        {
            build.ArtifactsDirectory.CreateDirectory();
            File.WriteAllText(file, PlanText.Mermaid(plan));
            output.WriteLine($"Graph written to {file.RelativeTo(build.RootDirectory)}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The plan was asked for and printed; the graph file is an extra that a read-only checkout cannot have.
            output.Write(LogLevel.Warning, $"warning: could not write {file.RelativeTo(build.RootDirectory)}: {e.Message}");
        }

        return BuildHost.Success;
    }

    /// <summary>
    /// After the order: each invoked target's own preview, in the order invoked. Requirements are not checked first, as
    /// for a plain --plan: a preview reports what is missing as a reason the target would stop, with the rest of its plan.
    /// </summary>
    private async Task<int> PreviewAsync(ExecutionPlan plan, int code, CancellationToken cancellation)
    {
        foreach (var target in plan.Invoked.Where(t => t.Definition.Preview is not null))
        {
            output.WriteLine("");
            try
            {
                if (!await target.Definition.Preview!(cancellation))
                    code = BuildHost.TargetFailed;
            }
            catch (Exception e) when (e is not UsageException and not OperationCanceledException)
            {
                output.Write(LogLevel.Error, $"error: {target.Name}'s plan could not be made: {e.Message.ReplaceLineEndings(" ")}");
                code = BuildHost.TargetFailed;
            }
        }

        return code;
    }

    /// <summary>Every Requires of every target that will run, all reported at once, before anything runs.</summary>
    private static void CheckRequirements(TargetGraph graph, ExecutionPlan plan, IReadOnlyList<BuildParameter> parameters)
    {
        var missing = new List<string>();
        foreach (var target in plan.Targets.Where(t => !plan.SkipReasons.ContainsKey(t)))
        {
            foreach (var requirement in target.Definition.Requirements)
            {
                var value = requirement.Evaluate();
                if (requirement.ValueType == typeof(bool))
                {
                    if (value is not true)
                        missing.Add($"Target {target.Name} requires {requirement.Text} to hold.");
                }
                else if (IsMissing(value) && !ProducedInRun(plan, requirement.OrOutput))
                {
                    var parameter = parameters.FirstOrDefault(p => p.Name == requirement.MemberName);
                    var orOutput = requirement.OrOutput is { } output ? $", or run a target that outputs {output} ({string.Join(", ", OutputLinks.Producers(graph.Targets, output))})" : "";
                    missing.Add(parameter is null
                        ? $"Target {target.Name} requires a value for {requirement.Text}{orOutput}."
                        : $"Target {target.Name} requires parameter {parameter.Name}: pass {parameter.CommandLineName}, set {parameter.EnvironmentName}, or add \"{parameter.Name}\" to .nuke/parameters.json{orOutput}.");
                }
            }
        }

        if (missing.Count > 0)
            throw new UsageException(string.Join(Environment.NewLine + "error: ", missing));
    }

    private static bool IsMissing(object? value) => value is null || value is string text && string.IsNullOrWhiteSpace(text) || value is Array { Length: 0 };

    /// <summary>Whether a target that will run before the consumer declares the output, so the run itself produces the value.</summary>
    private static bool ProducedInRun(ExecutionPlan plan, TargetOutput? output) =>
        output is not null && OutputLinks.Producers(plan.Targets.Where(t => !plan.SkipReasons.ContainsKey(t)), output).Any();

    private async Task<int> RunPlanAsync(ExecutionPlan plan, CancellationToken cancellation)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var results = await new TargetRunner(plan, output, arguments.MaxParallel).RunAsync(cancellation);
        var succeeded = results.All(r => !r.IsUnsuccessful);
        output.WriteLine("");
        if (output.Problems.Count > 0 && output.Verbosity >= Verbosity.Minimal)
        {
            output.WriteErrorLine("Warnings and errors:");
            foreach (var (_, text) in output.Problems.ToList())
                output.WriteErrorLine($"  {text}");
            output.WriteErrorLine("");
        }

        output.WriteLine(SummaryTable.Text(results, clock.Elapsed));
        if (succeeded)
            output.WriteLine(output.Bold($"Build succeeded in {DurationText.Format(clock.Elapsed)}."));
        else
            output.WriteErrorLine(output.Bold($"Build failed in {DurationText.Format(clock.Elapsed)}."));
        output.GitHub?.AppendStepSummary(SummaryTable.Markdown(results, clock.Elapsed, succeeded, output.Secrets));
        return succeeded ? BuildHost.Success : BuildHost.TargetFailed;
    }
}
