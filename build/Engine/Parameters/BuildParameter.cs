using System.Reflection;
using Engine.Reflection;
using Engine.Text;

namespace Engine;

/// <summary>One [Parameter] member of a build: its names on every source, its type, and where its value came from.</summary>
public sealed class BuildParameter
{
    private readonly MemberInfo member;

    internal BuildParameter(MemberInfo member, ParameterAttribute attribute)
    {
        this.member = member;
        Name = member.Name;
        Description = attribute.Description;
        IsSecret = member.IsDefined(typeof(SecretAttribute));
        Type = member is FieldInfo field ? field.FieldType : ((PropertyInfo)member).PropertyType;
    }

    /// <summary>The member name, as used in parameters.json.</summary>
    public string Name { get; }

    public string? Description { get; }
    public bool IsSecret { get; }
    public Type Type { get; }

    /// <summary>--kebab-case, as typed on the command line.</summary>
    public string CommandLineName => "--" + PascalCaseWords.Join(Name, '-').ToLowerInvariant();

    /// <summary>UPPER_SNAKE_CASE, the conventional environment variable.</summary>
    public string EnvironmentName => PascalCaseWords.Join(Name, '_').ToUpperInvariant();

    /// <summary>Where the current value came from: "command line", "environment FOO", a file, or "default".</summary>
    public string Source { get; internal set; } = "default";

    public object? DefaultValue { get; internal set; }

    public object? GetValue(object build) => member is FieldInfo field ? field.GetValue(build) : ((PropertyInfo)member).GetValue(build);

    internal void SetValue(object build, object? value)
    {
        if (member is FieldInfo field)
            field.SetValue(build, value);
        else if (member is PropertyInfo { SetMethod: not null } property)
            property.SetValue(build, value);
        else // a component's parameter: a getter that reads TryGetValue
            ((BuildBase)build).SetComponentParameter(Name, value);
    }

    /// <summary>The [Parameter] members of the build class, its bases and its components, by name.</summary>
    public static IReadOnlyList<BuildParameter> Of(Type buildType)
    {
        var members = new Dictionary<string, BuildParameter>();
        foreach (var type in BuildMembers.Types(buildType))
        {
            // Fields and properties only: GetMembers would also make a MethodInfo of every method of every component.
            foreach (var field in type.GetFields(BuildMembers.Declared))
                Add(field);
            foreach (var property in type.GetProperties(BuildMembers.Declared))
                Add(property);
        }

        var parameters = members.Values.ToList();
        parameters.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name)); // names are unique: no stable sort needed
        return parameters;

        void Add(MemberInfo member)
        {
            if (member.GetCustomAttribute<ParameterAttribute>() is { } attribute)
                members.TryAdd(member.Name, new BuildParameter(member, attribute));
        }
    }
}
