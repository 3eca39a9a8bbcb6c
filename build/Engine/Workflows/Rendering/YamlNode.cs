using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Engine.Workflows;

/// <summary>The little YAML a workflow needs: scalars, ordered mappings and sequences, built with collection initializers.</summary>
public abstract class YamlNode
{
    /// <summary>Text as a scalar; null stays null, so an optional value drops out of its map.</summary>
    [return: NotNullIfNotNull(nameof(value))]
    public static implicit operator YamlNode?(string? value) => value is null ? null : new YamlScalar(value);
}

/// <summary>A text value; <see cref="IsTyped"/> values (numbers, booleans) are written bare, others quoted when YAML needs it.</summary>
public sealed class YamlScalar(string text, bool isTyped = false) : YamlNode
{
    public string Text { get; } = text;
    public bool IsTyped { get; } = isTyped;
}

/// <summary>A mapping that keeps insertion order; adding a null value leaves the key out, which keeps builders flat.</summary>
public sealed class YamlMap : YamlNode, IEnumerable<KeyValuePair<string, YamlNode>>
{
    private readonly List<KeyValuePair<string, YamlNode>> entries = [];

    /// <summary>A blank line between entries: for the top level and the jobs, where it helps the eye.</summary>
    public bool Spaced { get; init; }

    public int Count => entries.Count;

    public void Add(string key, YamlNode? value)
    {
        if (value is not null)
            entries.Add(new(key, value));
    }

    public void Add(string key, int? value)
    {
        if (value is { } number)
            entries.Add(new(key, new YamlScalar(number.ToString(CultureInfo.InvariantCulture), isTyped: true)));
    }

    public void Add(string key, bool value) => entries.Add(new(key, new YamlScalar(value ? "true" : "false", isTyped: true)));

    public IEnumerator<KeyValuePair<string, YamlNode>> GetEnumerator() => entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

public sealed class YamlSequence : YamlNode, IEnumerable<YamlNode>
{
    private readonly List<YamlNode> items = [];

    public YamlSequence()
    {
    }

    public YamlSequence(IEnumerable<string> values) => items.AddRange(values.Select(v => new YamlScalar(v)));

    public int Count => items.Count;

    public void Add(YamlNode item) => items.Add(item);

    /// <summary>The sequence, or null (left out of its map) when it is empty.</summary>
    public YamlSequence? NullIfEmpty() => items.Count == 0 ? null : this;

    public IEnumerator<YamlNode> GetEnumerator() => items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
