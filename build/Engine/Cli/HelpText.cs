using System.Text;
using Engine.Parameters;
using Engine.Targets;

namespace Engine.Cli;

/// <summary>--help: targets with descriptions and dependencies, then parameters with type, default and current value.</summary>
internal static class HelpText
{
    public static string Render(TargetGraph graph, ExecutableTarget? defaultTarget, IReadOnlyList<BuildParameter> parameters, object build)
    {
        var text = new StringBuilder().AppendLine("Usage: ./build.sh [targets] [--options]").AppendLine().AppendLine("Targets:");
        var listed = graph.Targets.Where(t => !t.IsUnlisted).ToList();
        var width = 0; // a loop, not Select(…).Max(): LINQ over int is code the JIT compiles on every start
        foreach (var target in listed)
            width = Math.Max(width, target.Name.Length + (target == defaultTarget ? 10 : 0));
        width += 2;
        foreach (var target in listed)
        {
            var name = target == defaultTarget ? $"{target.Name} (default)" : target.Name;
            text.AppendLine($"  {name.PadRight(width)}{target.Description}".TrimEnd());
            if (target.ExecutionDependencies.Count > 0)
                text.AppendLine($"  {"".PadRight(width)}depends on: {string.Join(", ", target.ExecutionDependencies)}");
            if (target.TriggeredTargets.Count > 0)
                text.AppendLine($"  {"".PadRight(width)}triggers: {string.Join(", ", target.TriggeredTargets)}");
        }

        text.AppendLine().AppendLine("Parameters (command line, then environment, then .nuke/parameters.<profile>.json, then .nuke/parameters.json):");
        foreach (var parameter in parameters)
        {
            text.AppendLine($"  {parameter.CommandLineName} <{ValueConverter.Describe(parameter.Type)}>  (env {parameter.EnvironmentName}){(parameter.IsSecret ? "  secret" : "")}");
            if (parameter.Description is { } description)
                text.AppendLine($"      {description}");
            text.AppendLine($"      default: {Show(parameter, parameter.DefaultValue)}; now: {Show(parameter, parameter.GetValue(build))} (from {parameter.Source})");
        }

        return text
            .AppendLine()
            .AppendLine("Options:")
            .AppendLine("  --help                       this text")
            .AppendLine("  --plan                       print the execution plan and write a Mermaid graph to artifacts/plan.md;")
            .AppendLine("                               targets with a preview (deploys) then say what they would do, changing nothing")
            .AppendLine("  --skip [targets]             skip the named targets, or with no names every target not invoked")
            .AppendLine("  --profile, --environment X   also read .nuke/parameters.X.json")
            .AppendLine("  --parallel, --max-parallel N run independent targets side by side")
            .AppendLine("  --verbosity Quiet|Minimal|Normal|Verbose")
            .Append("  --root DIR                   the repository root (default: the nearest folder with .nuke/)")
            .ToString();
    }

    /// <summary>As the value would be typed, as a description states the default (30s, not 00:00:30).</summary>
    private static string Show(BuildParameter parameter, object? value) => value switch
    {
        null => "(none)",
        _ when parameter.IsSecret => "(secret)",
        Array { Length: 0 } or string { Length: 0 } => "(empty)",
        _ => ValueText.Format(value),
    };
}
