using System.Text;
using System.Text.Json;
using Engine.Parameters;
using Engine.Targets;

namespace Engine.Tests;

/// <summary>
/// The build reads parameter files and writes the schema without System.Text.Json, to start faster. These tests hold
/// both to what System.Text.Json does: the reader may only accept text that System.Text.Json reads the same way, and
/// the writer must write the very bytes Utf8JsonWriter wrote, so a schema made by an older build is not rewritten.
/// </summary>
public class StartupJsonTests
{
    [Theory]
    [InlineData("""{ "$schema": "./build.schema.json" }""")]
    [InlineData("{}")]
    [InlineData(" \r\n\t{ } \n")]
    [InlineData("""{"A":"x","B":1,"C":true,"D":false,"E":null,"F":[],"G":["a",2,null,false]}""")]
    [InlineData("{\n  \"$schema\": \"./build.schema.json\",\n  \"ImageRegistry\": \"Local\"\n}\n")]
    [InlineData("""{ "N": -0, "M": 12.50, "E": 1e5, "F": -2.5E-3, "G": 0.0e+0 }""")]
    [InlineData("{ \"Text\": \"héllo wörld ~ <&'+`> \u007f\" }")]
    [InlineData("""{ "Retries": 1, "retries": 2 }""")]
    public void The_common_shapes_are_read_without_System_Text_Json_and_as_it_reads_them(string json)
    {
        var read = FlatJson.TryRead(json);

        Assert.NotNull(read);
        Assert.Equal(Describe(SystemTextJson(json)), Describe(read));
    }

    [Theory]
    [InlineData("""{ "A": "a\"b" }""")]            // escapes
    [InlineData("""{ "A": "\u0041" }""")]
    [InlineData("""{ "A": 1, }""")]                 // a trailing comma System.Text.Json is told to allow
    [InlineData("{ // comment\n \"A\": 1 }")]       // comments it is told to skip
    [InlineData("""{ "A": 1 /* c */ }""")]
    [InlineData("""{ "A": [[1]] }""")]              // nested: an error with its own message
    [InlineData("""{ "A": { "B": 1 } }""")]
    [InlineData("""[1]""")]                         // not an object
    [InlineData("\"text\"")]
    [InlineData("""{ "A": 01 }""")]                 // not JSON numbers
    [InlineData("""{ "A": 1. }""")]
    [InlineData("""{ "A": .5 }""")]
    [InlineData("""{ "A": +1 }""")]
    [InlineData("""{ "A": - }""")]
    [InlineData("""{ "A": 1e }""")]
    [InlineData("""{ "A": NaN }""")]
    [InlineData("""{ "A": tru }""")]
    [InlineData("""{ "A": nullx }""")]
    [InlineData("""{ "A": 1 } x""")]
    [InlineData("""{ "A" 1 }""")]
    [InlineData("""{ "A": 1 "B": 2 }""")]
    [InlineData("""{ "A": 1""")]
    [InlineData("")]
    [InlineData("{ \"A\": \"tab\there\" }")]       // a control character inside a string
    [InlineData("{ \"A\": \"\ud83d\ude00\" }")]    // surrogates: System.Text.Json judges them
    [InlineData("\ufeff{}")]
    public void Anything_else_is_left_to_System_Text_Json(string json) => Assert.Null(FlatJson.TryRead(json));

    [Fact]
    public void Broken_variants_of_valid_files_are_never_read_differently()
    {
        // Every text the reader accepts must be valid JSON that System.Text.Json reads to the same entries.
        string[] seeds =
        [
            """{ "$schema": "./build.schema.json", "A": "x", "B": [1, -2.5e3, true, null], "C": null, "D": false }""",
            "{\n  \"Names\": [\"a\", \"b\"],\n  \"Retries\": 10\n}\n",
        ];
        const string alphabet = "{}[]\":,. -+eE0123456789aeflnrstu\\/\n\t*";
        var random = new Random(20261123);
        var accepted = 0;
        for (var i = 0; i < 20000; i++)
        {
            var text = new StringBuilder(seeds[i % seeds.Length]);
            for (var edits = random.Next(1, 4); edits > 0; edits--)
            {
                var at = random.Next(text.Length + 1);
                switch (random.Next(3))
                {
                    case 0 when at < text.Length: text.Remove(at, 1); break;
                    case 1 when at < text.Length: text[at] = alphabet[random.Next(alphabet.Length)]; break;
                    default: text.Insert(at, alphabet[random.Next(alphabet.Length)]); break;
                }
            }

            var json = text.ToString();
            if (FlatJson.TryRead(json) is not { } read)
                continue;
            accepted++;
            Assert.Equal(Describe(SystemTextJson(json)), Describe(read));
        }

        Assert.True(accepted > 1000, $"only {accepted} variants were read: the test checks too little");
    }

    [Fact]
    public void The_schema_is_the_text_Utf8JsonWriter_wrote()
    {
        var build = new SchemaBuild();
        var graph = TargetGraph.FromBuild(build);
        var parameters = BuildParameter.Of(typeof(SchemaBuild));

        Assert.Equal(ReferenceSchema(graph, parameters), SchemaWriter.Render(graph, parameters));
    }

    [Fact]
    public void Strings_are_escaped_as_Utf8JsonWriter_escapes_them()
    {
        var all = new StringBuilder();
        for (var c = 0; c <= 0xFFFF; c++)
        {
            if (!char.IsSurrogate((char)c))
                all.Append((char)c);
        }

        string[] values = [all.ToString(), "emoji \ud83d\ude00 and \U0001F680", "", "plain text", "quote \" backslash \\ slash /"];
        var ours = new SchemaWriter.IndentedJson();
        ours.StartObject();
        ours.StartArray("empty");
        ours.EndArray();
        ours.StartObject("none");
        ours.EndObject();
        ours.StartArray("values");
        foreach (var value in values)
            ours.Item(value);
        ours.EndArray();
        foreach (var value in values)
            ours.String(value, value);
        ours.EndObject();

        var reference = Utf8Json(json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("empty");
            json.WriteEndArray();
            json.WriteStartObject("none");
            json.WriteEndObject();
            json.WriteStartArray("values");
            foreach (var value in values)
                json.WriteStringValue(value);
            json.WriteEndArray();
            foreach (var value in values)
                json.WriteString(value, value);
            json.WriteEndObject();
        });

        Assert.Equal(reference, ours.ToString());
    }

    /// <summary>What ParameterFile read through JsonDocument before: name → texts, in file order.</summary>
    private static List<(string Name, List<string>? Texts)> SystemTextJson(string json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var entries = new List<(string Name, List<string>? Texts)>();
        foreach (var property in document.RootElement.EnumerateObject())
        {
            entries.Add((property.Name, property.Value.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.Array => property.Value.EnumerateArray().Select(v => Scalar(v) ?? "").ToList(),
                _ => [Scalar(property.Value)!],
            }));
        }

        return entries;
    }

    private static string? Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => throw new InvalidOperationException($"not a scalar: {value.ValueKind}"),
    };

    private static string Describe(List<(string Name, List<string>? Texts)> entries) =>
        string.Join("\n", entries.Select(e => $"{e.Name} = {(e.Texts is null ? "null" : $"[{string.Join(" | ", e.Texts)}]")}"));

    /// <summary>The schema as SchemaWriter rendered it with Utf8JsonWriter, before it wrote the text itself.</summary>
    private static string ReferenceSchema(TargetGraph graph, IReadOnlyList<BuildParameter> parameters) => Utf8Json(json =>
    {
        json.WriteStartObject();
        json.WriteString("$schema", "http://json-schema.org/draft-07/schema#");
        json.WriteString("title", "Build parameters");
        json.WriteString("type", "object");
        json.WriteBoolean("additionalProperties", false);
        json.WriteStartObject("properties");
        json.WriteStartObject("$schema");
        json.WriteString("type", "string");
        json.WriteEndObject();
        foreach (var parameter in parameters)
        {
            json.WriteStartObject(parameter.Name);
            if (parameter.Description is { } description)
                json.WriteString("description", description);
            WriteType(json, parameter.Type);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteStartObject("definitions");
        json.WriteStartObject("Target");
        json.WriteString("type", "string");
        json.WriteStartArray("enum");
        foreach (var target in graph.Targets)
            json.WriteStringValue(target.Name);
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
    }) + "\n";

    private static void WriteType(Utf8JsonWriter json, Type type)
    {
        if (type.IsArray)
        {
            json.WriteString("type", "array");
            json.WriteStartObject("items");
            WriteType(json, type.GetElementType()!);
            json.WriteEndObject();
            return;
        }

        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying.IsEnum)
        {
            json.WriteString("type", "string");
            json.WriteStartArray("enum");
            foreach (var name in Enum.GetNames(underlying))
                json.WriteStringValue(name);
            json.WriteEndArray();
            return;
        }

        json.WriteString("type", underlying.Name switch
        {
            "Boolean" => "boolean",
            "Int32" or "Int64" => "integer",
            "Double" or "Decimal" => "number",
            _ => "string",
        });
    }

    private static string Utf8Json(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
            write(json);
        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private enum Shade
    {
        Light,
        Dark,
    }

    private sealed class SchemaBuild : RecordingBuild
    {
        [Parameter("A description with \"quotes\", <html> & 'apostrophes', + and `ticks`, naïve ünïcödé… and a\ttab")]
        public readonly string? Text;

        [Parameter("Flag")] public readonly bool Force;
        [Parameter] public readonly int Retries = 1;
        [Parameter("Big")] public readonly long Size;
        [Parameter("Ratio")] public readonly double Ratio;
        [Parameter("Money")] public readonly decimal Price;
        [Parameter("Shade")] public readonly Shade Tone;
        [Parameter("Maybe a shade")] public readonly Shade? Maybe;
        [Parameter("Shades")] public readonly Shade[] Tones = [];
        [Parameter("Ports")] public readonly int[] Ports = [];
        [Parameter("Wait")] public readonly TimeSpan Timeout;
        [Parameter("Where")] public readonly Uri? Endpoint;

        public Target Compile => _ => Record(_, nameof(Compile));
        public Target Test => _ => Record(_, nameof(Test)).DependsOn(Compile);
    }
}
