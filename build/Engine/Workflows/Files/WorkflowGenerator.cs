using Engine.Reflection;
using Engine.Targets;

namespace Engine.Workflows;

/// <summary>
/// The entry point: finds the build's <see cref="WorkflowDeclaration"/> properties, plans each against the target
/// graph and renders it. Pure: reads nothing from disk, so the files and the staleness check share one result.
/// </summary>
public static class WorkflowGenerator
{
    public static IReadOnlyList<GeneratedWorkflow> Generate(BuildBase build)
    {
        var graph = TargetGraph.FromBuild(build);
        var parameters = BuildParameter.Of(build.GetType());
        var declarations = Declarations(build);
        var duplicates = declarations.GroupBy(d => d.Declaration.File, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0)
            throw new WorkflowDeclarationException($"Two workflow declarations write the same file: {string.Join(", ", duplicates)}.");
        foreach (var (declaration, _) in declarations.Where(d => !IsPlainFileName(d.Declaration.File)))
            throw new WorkflowDeclarationException($"'{declaration.File}' is not a workflow file name: a name ending in .yml, without folders.");

        return declarations
            .OrderBy(d => d.Declaration.File, StringComparer.Ordinal)
            .Select(d => WorkflowPlanner.Plan(graph, parameters, d.Declaration, d.Source))
            .Select(plan => new GeneratedWorkflow(plan, WorkflowYaml.Render(plan), JobGraphMermaid.Render(plan)))
            .ToList();
    }

    /// <summary>WorkflowDeclaration-typed properties of the build class and its bases, with "Class.Property" as source.</summary>
    private static List<(WorkflowDeclaration Declaration, string Source)> Declarations(BuildBase build) =>
        BuildMembers.Types(build.GetType())
            .SelectMany(type => BuildMembers.Properties(type, typeof(WorkflowDeclaration)).Select(p => ((WorkflowDeclaration)p.GetValue(build)!, $"{type.Name}.{p.Name}")))
            .ToList();

    private static bool IsPlainFileName(string file) =>
        file.EndsWith(".yml", StringComparison.Ordinal) && file.Length > 4 && file.IndexOfAny(['/', '\\']) < 0;
}

/// <summary>One workflow's plan and its two renderings: the .yml file and the README's job graph.</summary>
public sealed record GeneratedWorkflow(WorkflowPlan Plan, string Yaml, string Mermaid)
{
    /// <summary>Relative to the repository root, with forward slashes.</summary>
    public string Path => $"{WorkflowFiles.Directory}/{Plan.Declaration.File}";
}
