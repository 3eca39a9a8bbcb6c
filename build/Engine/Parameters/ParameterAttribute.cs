namespace Engine;

/// <summary>
/// Marks a field or property of the build as a parameter; its initializer (a component's: the getter's fallback) is
/// the default, which --help and the schema state after the description. Leave the default out of the description.
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class ParameterAttribute(string? description = null) : Attribute
{
    public string? Description { get; } = description;

    /// <summary>
    /// The default in words, for one its value cannot state: worked out later from other settings (the value is null
    /// until then) or different where the build runs (Debug locally, Release on CI). Stated instead of the value.
    /// </summary>
    public string? DefaultText { get; set; }
}

/// <summary>A parameter whose value is never printed: masked in every line and registered with the CI host.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class SecretAttribute : Attribute;
