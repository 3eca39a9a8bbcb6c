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
        // A component after the components it extends (fewer base interfaces first), else in the order the runtime
        // lists them. Sorted by hand, as below: LINQ's OrderBy over an int key is code the JIT compiles on every start.
        var types = new List<Type>();
        var depths = new List<int>();
        foreach (var component in buildType.GetInterfaces())
        {
            var depth = component.GetInterfaces().Length;
            var at = types.Count;
            while (at > 0 && depths[at - 1] > depth)
                at--;
            types.Insert(at, component); // after every component of the same depth: a stable insertion sort
            depths.Insert(at, depth);
        }

        types.AddRange(classes);
        return types;
    }

    /// <summary>Declared properties of <paramref name="type"/> of the given type, in source order.</summary>
    public static IEnumerable<PropertyInfo> Properties(Type type, Type propertyType)
    {
        var properties = new List<PropertyInfo>();
        foreach (var property in type.GetProperties(Declared))
        {
            if (property.PropertyType == propertyType && property.GetIndexParameters().Length == 0)
                properties.Add(property);
        }

        properties.Sort((a, b) => a.MetadataToken.CompareTo(b.MetadataToken));
        return properties;
    }

    /// <summary>"ITest.Test" (an explicit implementation) → "Test"; other names unchanged.</summary>
    public static string SimpleName(MemberInfo member) => member.Name[(member.Name.LastIndexOf('.') + 1)..];

    public static bool IsExplicitImplementation(MemberInfo member) => member.Name.Contains('.', StringComparison.Ordinal);
}
