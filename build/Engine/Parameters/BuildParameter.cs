using System.Reflection;
using System.Text;

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
    public string CommandLineName => "--" + Words("-").ToLowerInvariant();

    /// <summary>UPPER_SNAKE_CASE, the conventional environment variable.</summary>
    public string EnvironmentName => Words("_").ToUpperInvariant();

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

    /// <summary>Splits PascalCase into words: AwsRegion → aws-region, MaxParallelJobs → max-parallel-jobs, ECRUrl → ecr-url.</summary>
    private string Words(string separator)
    {
        var text = new StringBuilder();
        for (var i = 0; i < Name.Length; i++)
        {
            var c = Name[i];
            var startsWord = i > 0 && char.IsUpper(c) &&
                (char.IsLower(Name[i - 1]) || char.IsDigit(Name[i - 1]) || (i + 1 < Name.Length && char.IsLower(Name[i + 1])));
            if (startsWord)
                text.Append(separator);
            text.Append(c == '_' ? separator : c.ToString());
        }

        return text.ToString();
    }
}
