using System.Reflection;
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
        else
            ((PropertyInfo)member).SetValue(build, value);
    }

    public static IReadOnlyList<BuildParameter> Of(Type buildType)
    {
        const BindingFlags flags = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
        var members = new List<BuildParameter>();
        for (var type = buildType; type is not null && type != typeof(object); type = type.BaseType)
        {
            foreach (var m in type.GetMembers(flags | BindingFlags.DeclaredOnly))
            {
                if (m is (FieldInfo or PropertyInfo) && m.GetCustomAttribute<ParameterAttribute>() is { } attribute)
                    members.Add(new BuildParameter(m, attribute));
            }
        }

        return members.OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
    }
}
