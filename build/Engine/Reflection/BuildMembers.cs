using System.Reflection;

namespace Engine.Reflection;

/// <summary>
/// The one walk over a build's types: the components (interfaces) it implements, then its class chain from the
/// base down. Targets, parameters and workflow declarations are all found through it, in this order.
/// </summary>
internal static class BuildMembers
{
    public const BindingFlags Declared = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    /// <summary>Interfaces first (a base interface before those that extend it), then classes, base class first.</summary>
    public static IReadOnlyList<Type> Types(Type buildType)
    {
        var classes = new Stack<Type>();
        for (var type = buildType; type is not null && type != typeof(object); type = type.BaseType)
            classes.Push(type);
        var interfaces = buildType.GetInterfaces()
            .OrderBy(i => i.GetInterfaces().Length) // a component after the components it extends
            .ThenBy(i => Array.IndexOf(buildType.GetInterfaces(), i));
        return [.. interfaces, .. classes];
    }

    /// <summary>Declared properties of <paramref name="type"/> of the given type, in source order.</summary>
    public static IEnumerable<PropertyInfo> Properties(Type type, Type propertyType) =>
        type.GetProperties(Declared)
            .Where(p => p.PropertyType == propertyType && p.GetIndexParameters().Length == 0)
            .OrderBy(p => p.MetadataToken);

    /// <summary>"ITest.Test" (an explicit implementation) → "Test"; other names unchanged.</summary>
    public static string SimpleName(MemberInfo member) => member.Name[(member.Name.LastIndexOf('.') + 1)..];

    public static bool IsExplicitImplementation(MemberInfo member) => member.Name.Contains('.', StringComparison.Ordinal);
}
