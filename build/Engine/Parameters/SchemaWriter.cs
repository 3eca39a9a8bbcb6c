using System.Text;
using System.Text.Json;
using Engine.Targets;

namespace Engine.Parameters;

/// <summary>
/// .nuke/build.schema.json: a JSON schema of the parameters and target names, so editors complete and check
/// parameters.json. Written only when its content changes, so a run leaves the tree clean; a failed write is a warning.
/// </summary>
internal static class SchemaWriter
{
    public static void Update(string rootDirectory, TargetGraph graph, IReadOnlyList<BuildParameter> parameters)
    {
        var path = Path.Combine(rootDirectory, ".nuke", "build.schema.json");
        var content = Render(graph, parameters);
        try
        {
            if (!File.Exists(path) || File.ReadAllText(path) != content)
                File.WriteAllText(path, content);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Only editors use the schema: a read-only checkout must still build.
            Log.Warning($"warning: could not update .nuke/build.schema.json: {e.Message}");
        }
    }

    public static string Render(TargetGraph graph, IReadOnlyList<BuildParameter> parameters)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
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
                WriteType(json, parameter.Type, graph);
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
        }

        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    private static void WriteType(Utf8JsonWriter json, Type type, TargetGraph graph)
    {
        if (type.IsArray)
        {
            json.WriteString("type", "array");
            json.WriteStartObject("items");
            WriteType(json, type.GetElementType()!, graph);
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
}
