using YamlDotNet.RepresentationModel;

namespace BuildTests.Workflows;

/// <summary>Reading a generated workflow back as YAML, for tests that check one part of it.</summary>
internal static class GeneratedYaml
{
    public static YamlMappingNode Root(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    public static YamlMappingNode Jobs(string yaml) => (YamlMappingNode)Root(yaml)["jobs"];

    public static YamlMappingNode Step(YamlMappingNode jobs, string job, string id) =>
        ((YamlSequenceNode)((YamlMappingNode)jobs[job])["steps"]).Cast<YamlMappingNode>()
            .Single(s => s.Children.TryGetValue(new YamlScalarNode("id"), out var value) && value.ToString() == id);
}
