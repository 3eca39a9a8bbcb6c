namespace Engine.Workflows;

/// <summary>A workflow_dispatch input typed after the parameter it sets, so the "Run workflow" form offers the right control.</summary>
internal static class DispatchInputs
{
    public static PlannedInput Plan(DispatchInput input, BuildParameter parameter)
    {
        var type = Nullable.GetUnderlyingType(parameter.Type) ?? parameter.Type;
        var kind = type switch
        {
            _ when type == typeof(bool) => "boolean",
            { IsEnum: true } => "choice",
            _ when type == typeof(int) || type == typeof(long) || type == typeof(double) || type == typeof(decimal) => "number",
            _ => "string",
        };
        return new PlannedInput(
            Name(parameter.Name, [parameter]),
            kind,
            input.Description ?? parameter.Description,
            input.Required,
            input.Default,
            type.IsEnum ? Enum.GetNames(type) : []);
    }

    /// <summary>The parameter's name in snake_case (ImageDigest → image_digest), as inputs are conventionally named.</summary>
    public static string Name(string parameter, IReadOnlyList<BuildParameter> parameters) =>
        parameters.FirstOrDefault(p => p.Name == parameter)?.EnvironmentName.ToLowerInvariant() ?? parameter;
}
