using System.Collections;
using System.Globalization;

namespace Pipeline.Aws;

/// <summary>
/// The parameters of an awsQuery request, flattened as the protocol names them: a list item is
/// <c>Name.member.N</c> counted from 1 (RDS names some members otherwise, e.g. <c>Tags.Tag.N</c>), and a structure's
/// field is <c>Prefix.Field</c>, so nested lists read <c>DefaultActions.member.1.ForwardConfig.TargetGroups.member.2.Weight</c>.
/// </summary>
public sealed class AwsQueryParameters : IReadOnlyList<KeyValuePair<string, string>>
{
    private readonly List<KeyValuePair<string, string>> pairs;
    private readonly string prefix;

    public AwsQueryParameters()
        : this([], "")
    {
    }

    private AwsQueryParameters(List<KeyValuePair<string, string>> pairs, string prefix)
    {
        this.pairs = pairs;
        this.prefix = prefix;
    }

    public int Count => pairs.Count;

    public KeyValuePair<string, string> this[int index] => pairs[index];

    public AwsQueryParameters Add(string name, string value)
    {
        pairs.Add(new(prefix + name, value));
        return this;
    }

    public AwsQueryParameters Add(string name, int value) => Add(name, value.ToString(CultureInfo.InvariantCulture));

    public AwsQueryParameters List(string name, IEnumerable<string> values, string member = "member")
    {
        var index = 0;
        foreach (var value in values)
            Add($"{name}.{member}.{++index}", value);
        return this;
    }

    /// <summary>A list of structures: <paramref name="fields"/> adds each item's fields under <c>Name.member.N.</c>.</summary>
    public AwsQueryParameters List<T>(string name, IEnumerable<T> items, Action<AwsQueryParameters, T> fields, string member = "member")
    {
        var index = 0;
        foreach (var item in items)
            fields(new AwsQueryParameters(pairs, $"{prefix}{name}.{member}.{++index}."), item);
        return this;
    }

    /// <summary>A structure's fields under <c>Name.</c>.</summary>
    public AwsQueryParameters Structure(string name, Action<AwsQueryParameters> fields)
    {
        fields(new AwsQueryParameters(pairs, $"{prefix}{name}."));
        return this;
    }

    /// <summary>Tags as AWS's Key/Value list; ordered by key so a request is the same for the same tags.</summary>
    public AwsQueryParameters Tags(IReadOnlyDictionary<string, string> tags, string name = "Tags", string member = "member") =>
        List(name, tags.OrderBy(t => t.Key, StringComparer.Ordinal), (item, tag) => item.Add("Key", tag.Key).Add("Value", tag.Value), member);

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => pairs.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
