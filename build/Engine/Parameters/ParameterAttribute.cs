namespace Engine;

/// <summary>Marks a field or property of the build as a parameter; its initializer is the default.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class ParameterAttribute(string? description = null) : Attribute
{
    public string? Description { get; } = description;
}

/// <summary>A parameter whose value is never printed: masked in every line and registered with the CI host.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class SecretAttribute : Attribute;
