using System.Text.RegularExpressions;

namespace Engine.Workflows;

/// <summary>
/// Turns parameter mappings and dispatch inputs into each job's environment: a job receives a mapped parameter when
/// one of its targets Requires it or its declaration lists it. Checks every mapping against the build's parameters.
/// </summary>
internal static partial class JobParameters
{
    public static IReadOnlyList<PlannedInput> Assign(
        JobSet set, WorkflowDeclaration declaration, IReadOnlyList<BuildParameter> parameters, TargetReferences references, DeclarationErrors errors)
    {
        var inputs = declaration.On.Dispatch?.Inputs ?? [];
        var mappings = declaration.Parameters
            .Concat(inputs.Select(i => ParameterMapping.Input(i.Parameter, DispatchInputs.Name(i.Parameter, parameters))))
            .ToList();
        foreach (var duplicate in mappings.GroupBy(m => m.Parameter).Where(g => g.Count() > 1))
            errors.Add($"Parameter {duplicate.Key} is mapped {duplicate.Count()} times (Parameters and dispatch inputs).");

        var known = new Dictionary<string, (ParameterMapping Mapping, BuildParameter Parameter)>();
        foreach (var mapping in mappings)
        {
            if (Check(mapping, parameters, references, set, errors) is { } parameter)
                known.TryAdd(mapping.Parameter, (mapping, parameter));
        }

        var used = new HashSet<string>();
        foreach (var job in set.Jobs)
        {
            var required = job.Targets.SelectMany(t => t.Definition.Requirements).Select(r => r.MemberName).OfType<string>();
            foreach (var listed in job.Declaration.Parameters.Where(p => !known.ContainsKey(p) && mappings.All(m => m.Parameter != p)))
                errors.Add($"Job {job.Id} lists parameter {listed}, which has no mapping in Parameters or the dispatch inputs.");
            var environment = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var name in required.Concat(job.Declaration.Parameters).Distinct().Where(known.ContainsKey))
            {
                var (mapping, parameter) = known[name];
                environment[parameter.EnvironmentName] = Bind(mapping.Source, job, set, references, errors);
                used.Add(name);
            }

            job.Environment = environment.ToList();
        }

        foreach (var unused in known.Keys.Where(k => !used.Contains(k)))
            errors.Add($"Parameter {unused} is mapped but no job receives it: no target of the workflow Requires it; list it in a JobDeclaration's Parameters.");
        return inputs.Where(i => known.ContainsKey(i.Parameter)).Select(i => DispatchInputs.Plan(i, known[i.Parameter].Parameter)).ToList();
    }

    private static BuildParameter? Check(ParameterMapping mapping, IReadOnlyList<BuildParameter> parameters, TargetReferences references, JobSet set, DeclarationErrors errors)
    {
        var parameter = parameters.FirstOrDefault(p => p.Name == mapping.Parameter);
        if (parameter is null)
        {
            errors.Add($"Parameter {mapping.Parameter} is mapped, but the build has no [Parameter] of that name (it has: {string.Join(", ", parameters.Select(p => p.Name))}).");
            return null;
        }

        var problem = mapping.Source switch
        {
            ParameterSource.Secret secret when !parameter.IsSecret =>
                $"Parameter {parameter.Name} comes from secrets.{secret.Name} but is not [Secret]: mark it, so the build masks its value too.",
            not ParameterSource.Secret when parameter.IsSecret =>
                $"Parameter {parameter.Name} is [Secret]: map it from a secret, never from a variable, input or output.",
            ParameterSource.Secret secret when !VariableName().IsMatch(secret.Name) => $"'{secret.Name}' is not a valid secret name.",
            ParameterSource.Variable variable when !VariableName().IsMatch(variable.Name) => $"'{variable.Name}' is not a valid variable name.",
            ParameterSource.Output output when references.Find(output.Producer) is not { } producer || set.JobOf(producer) is null =>
                $"Parameter {parameter.Name} comes from an output of a target that this workflow does not run as a job.",
            ParameterSource.Output output when !references.Find(output.Producer)!.Outputs.Contains(output.Value) =>
                $"Parameter {parameter.Name} comes from output '{output.Name}' of {references.Find(output.Producer)!.Name}, which does not declare it in Outputs.",
            _ => null,
        };
        if (problem is not null)
            errors.Add(problem);
        return problem is null ? parameter : null;
    }

    /// <summary>The value's expression for the job's environment; an output also becomes its producer's job output and a pinned need.</summary>
    private static string Bind(ParameterSource source, WorkflowJob job, JobSet set, TargetReferences references, DeclarationErrors errors)
    {
        switch (source)
        {
            case ParameterSource.Secret secret:
                return $"${{{{ secrets.{secret.Name} }}}}";
            case ParameterSource.Variable variable:
                return $"${{{{ vars.{variable.Name} }}}}";
            case ParameterSource.Input input:
                return $"${{{{ inputs.{input.Name} }}}}";
            case ParameterSource.Output output:
                var producer = set.JobOf(references.Find(output.Producer)!)!;
                if (producer == job)
                    errors.Add($"Job {job.Id} reads output {output.Name} of its own target; outputs are for later jobs.");
                producer.Outputs = producer.Outputs.Append(output.Name).Distinct().Order(StringComparer.Ordinal).ToList();
                set.AddNeed(job, producer, pinned: true);
                return $"${{{{ needs.{producer.Id}.outputs.{output.Name} }}}}";
            default:
                throw new InvalidOperationException($"Unknown parameter source {source}.");
        }
    }

    /// <summary>A name GitHub accepts for a secret or a configuration variable.</summary>
    public static bool IsVariableName(string name) => VariableName().IsMatch(name);

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex VariableName();
}
