using System.Reflection;
using Engine.Parameters;
using Engine.Reflection;
using Engine.Text;

namespace Engine;

/// <summary>One [Parameter] member of a build: its names on every source, its type, and where its value came from.</summary>
public sealed class BuildParameter
{
    private readonly MemberInfo member;
    private readonly string? declaredDescription;
    private readonly string? defaultText;

    internal BuildParameter(MemberInfo member, ParameterAttribute attribute)
    {
        this.member = member;
        Name = member.Name;
        declaredDescription = attribute.Description;
        defaultText = attribute.DefaultText;
        IsSecret = member.IsDefined(typeof(SecretAttribute));
        Type = member is FieldInfo field ? field.FieldType : ((PropertyInfo)member).PropertyType;
    }

    /// <summary>The member name, as used in parameters.json.</summary>
    public string Name { get; }

    /// <summary>
    /// The declared description, then the default: in the declaration's words, else the value as it would be typed
    /// (once bound). --help and the schema show this one text, so neither can state a default the build does not use.
    /// </summary>
    public string? Description => StatedDefault() is not { } stated ? declaredDescription
        : declaredDescription is null ? stated
        : $"{declaredDescription} {stated}";

    public bool IsSecret { get; }
    public Type Type { get; }

    /// <summary>--kebab-case, as typed on the command line.</summary>
    public string CommandLineName => "--" + PascalCaseWords.Join(Name, '-').ToLowerInvariant();

    /// <summary>UPPER_SNAKE_CASE, the conventional environment variable.</summary>
    public string EnvironmentName => PascalCaseWords.Join(Name, '_').ToUpperInvariant();

    /// <summary>Where the current value came from: "command line", "environment FOO", a file, or "default".</summary>
    public string Source { get; internal set; } = "default";

    /// <summary>The value when no source gives one, read when the parameters are bound.</summary>
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

    /// <summary>Nothing for no value, for false (a flag is off unless given), an empty value, or a secret's.</summary>
    private string? StatedDefault() =>
        defaultText is not null ? $"(default: {defaultText})"
        : IsSecret || DefaultValue is null or false or "" or Array { Length: 0 } ? null
        : $"(default {ValueText.Format(DefaultValue)})";

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
