using System.Text;

namespace Engine.Text;

/// <summary>
/// Splits member names into words for the names users type: AwsRegion → aws-region (options, job ids),
/// AWS_REGION (environment variables). An acronym stays one word: ECRUrl → ecr-url.
/// </summary>
public static class PascalCaseWords
{
    public static string Join(string name, char separator)
    {
        var text = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var startsWord = i > 0 && char.IsUpper(c) &&
                (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1])));
            if (startsWord)
                text.Append(separator);
            text.Append(c == '_' ? separator : c);
        }

        return text.ToString();
    }
}
