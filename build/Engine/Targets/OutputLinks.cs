namespace Engine.Targets;

/// <summary>
/// Checks outputs on both sides and orders them: every output a target requires must be declared by some target, and
/// a target that requires an output runs after the targets that declare it, when both are planned.
/// </summary>
internal static class OutputLinks
{
    public static void Add(IReadOnlyList<ExecutableTarget> targets)
    {
        foreach (var consumer in targets)
        {
            foreach (var output in consumer.Definition.Requirements.Select(r => r.OrOutput).OfType<TargetOutput>())
            {
                var producers = Producers(targets, output).Where(p => p != consumer).ToList();
                if (producers.Count == 0)
                    throw new UsageException($"Target {consumer.Name} requires output '{output}', but no target declares it in Outputs.");
                foreach (var producer in producers)
                    TargetGraph.AddOnce(consumer.OrderDependencyList, producer);
            }
        }
    }

    public static IEnumerable<ExecutableTarget> Producers(IEnumerable<ExecutableTarget> targets, TargetOutput output) =>
        targets.Where(t => t.Definition.DeclaredOutputs.Contains(output));
}
