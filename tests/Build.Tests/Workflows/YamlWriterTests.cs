using Engine.Workflows;
using YamlDotNet.RepresentationModel;

namespace BuildTests.Workflows;

/// <summary>The YAML writer: quoted exactly when YAML would misread a value, and read back as written.</summary>
public sealed class YamlWriterTests
{
    public static TheoryData<string> Values => new(
        "main", "true", "on", "No", "null", "~", "", " padded", "0123", "1.5", "1e3", "0x1F", "-x", "*", "&anchor", "!tag", "#comment",
        "a: b", "a #b", "ends:", "'quoted'", "\"double\"", "@at", "`tick`", "%percent", "${{ github.ref }}", "v*", "17 3 * * 1-5",
        "failure() && (needs.a.result == 'failure')", "it's");

    [Theory]
    [MemberData(nameof(Values))]
    public void A_value_reads_back_as_the_same_string(string value)
    {
        var yaml = YamlWriter.Write(new YamlMap { { "key", value }, { "list", new YamlSequence([value]) } }, []);

        var root = Load(yaml);

        Assert.Equal(value, ((YamlScalarNode)root["key"]).Value);
        Assert.Equal(value, ((YamlScalarNode)((YamlSequenceNode)root["list"])[0]).Value);
    }

    [Fact]
    public void Plain_values_stay_plain_and_ambiguous_ones_are_single_quoted()
    {
        var yaml = YamlWriter.Write(new YamlMap { { "a", "${{ github.ref }}" }, { "b", "true" }, { "c", "it's: x" }, { "d", true }, { "e", 5 } }, []);

        Assert.Equal("a: ${{ github.ref }}\nb: 'true'\nc: 'it''s: x'\nd: true\ne: 5\n", yaml);
    }

    [Fact]
    public void Layout_follows_GitHubs_examples()
    {
        var root = new YamlMap { Spaced = true };
        root.Add("name", "CI");
        root.Add("on", new YamlMap { { "push", new YamlMap { { "branches", new YamlSequence(["main"]) } } }, { "workflow_dispatch", new YamlMap() } });
        root.Add("steps", new YamlSequence { new YamlMap { { "uses", "x@v1" }, { "with", new YamlMap { { "path", "a\nb\n" } } } }, new YamlMap { { "run", "echo" } } });

        var yaml = YamlWriter.Write(root, ["Header."]);

        Assert.Equal(
            "# Header.\n\nname: CI\n\non:\n  push:\n    branches:\n      - main\n  workflow_dispatch: {}\n\n" +
            "steps:\n  - uses: x@v1\n    with:\n      path: |\n        a\n        b\n  - run: echo\n",
            yaml);
    }

    [Fact]
    public void Multi_line_text_reads_back_exactly()
    {
        foreach (var text in new[] { "a\nb\n", "a\nb", "a\n\nb\n" })
        {
            var root = Load(YamlWriter.Write(new YamlMap { { "text", text } }, []));

            Assert.Equal(text, ((YamlScalarNode)root["text"]).Value);
        }
    }

    private static YamlMappingNode Load(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }
}
