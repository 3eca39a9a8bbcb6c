using System.Text.Json;

namespace Pipeline.Scanning;

/// <summary>
/// A JSON value as an error shows what was found, with its kind where the text alone would hide it:
/// <c>"2", a string</c> is not the number 2, and a number is not the date string it looks like.
/// </summary>
internal static class JsonValueText
{
    private const int Longest = 40;

    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => value.GetArrayLength() == 0 ? "an empty list" : "a list",
        JsonValueKind.String => $"{Shortened(value.GetRawText())}, a string",
        JsonValueKind.Number => $"{Shortened(value.GetRawText())}, a number",
        JsonValueKind.True or JsonValueKind.False => $"{value.GetRawText()}, a boolean",
        _ => "null",
    };

    private static string Shortened(string text) => text.Length <= Longest ? text : text[..Longest] + "…";
}
