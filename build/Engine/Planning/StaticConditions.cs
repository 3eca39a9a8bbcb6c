namespace Engine.Planning;

/// <summary>
/// Static conditions of the planned targets, evaluated once before anything runs. Every false condition is named in
/// the skip reason; a condition that throws fails its target (the build goes on as after any failure).
/// </summary>
internal static class StaticConditions
{
    public static (Dictionary<ExecutableTarget, string> Skips, Dictionary<ExecutableTarget, string> Errors) Evaluate(IEnumerable<ExecutableTarget> planned)
    {
        var skips = new Dictionary<ExecutableTarget, string>();
        var errors = new Dictionary<ExecutableTarget, string>();
        foreach (var target in planned)
        {
            var failed = new List<string>();
            foreach (var condition in target.Definition.StaticConditions)
            {
                try
                {
                    if (!condition.Evaluate())
                        failed.Add(condition.Text);
                }
#pragma warning disable CA1031 // any exception of user code becomes the target's failure, never a crash
                catch (Exception e)
#pragma warning restore CA1031
                {
                    errors[target] = $"its condition {condition.Text} threw {e.GetType().Name}: {e.Message}";
                    break;
                }
            }

            if (!errors.ContainsKey(target) && failed.Count > 0)
                skips[target] = string.Join(" && ", failed);
        }

        return (skips, errors);
    }
}
