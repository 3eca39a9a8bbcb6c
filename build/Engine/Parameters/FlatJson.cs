namespace Engine.Parameters;

/// <summary>
/// The common shape of a parameter file, read without System.Text.Json: one object of names to strings, numbers,
/// bools, nulls and flat arrays of those, strings without escapes, no comments or trailing commas. Anything else,
/// every error included, is left to System.Text.Json (null): this reader only accepts text it reads exactly as
/// System.Text.Json does, and saves every start of the build loading and initialising it (about a tenth of the start).
/// </summary>
internal static class FlatJson
{
    /// <summary>Name → texts (null for a JSON null; a null in an array is ""), in file order; null: not this shape.</summary>
    public static List<(string Name, List<string>? Texts)>? TryRead(string text)
    {
        var reader = new Reader(text);
        var entries = new List<(string Name, List<string>? Texts)>();
        reader.SkipSpace();
        if (!reader.Take('{'))
            return null;
        reader.SkipSpace();
        if (!reader.Take('}'))
        {
            do
            {
                reader.SkipSpace();
                if (reader.String() is not { } name)
                    return null;
                reader.SkipSpace();
                if (!reader.Take(':'))
                    return null;
                reader.SkipSpace();
                if (!reader.Value(out var texts))
                    return null;
                entries.Add((name, texts));
                reader.SkipSpace();
            }
            while (reader.Take(','));

            if (!reader.Take('}'))
                return null;
        }

        reader.SkipSpace();
        return reader.AtEnd ? entries : null;
    }

    private sealed class Reader(string text)
    {
        private int position;

        public bool AtEnd => position == text.Length;

        private char Next => position < text.Length ? text[position] : '\0';

        public void SkipSpace()
        {
            while (Next is ' ' or '\t' or '\n' or '\r')
                position++;
        }

        public bool Take(char c)
        {
            if (Next != c)
                return false;
            position++;
            return true;
        }

        /// <summary>A value: texts for a scalar or a flat array, null for a JSON null; false for any other value.</summary>
        public bool Value(out List<string>? texts)
        {
            texts = null;
            if (Take('['))
            {
                texts = [];
                SkipSpace();
                if (Take(']'))
                    return true;
                do
                {
                    SkipSpace();
                    if (!Scalar(out var item))
                        return false;
                    texts.Add(item ?? "");
                    SkipSpace();
                }
                while (Take(','));

                return Take(']');
            }

            if (!Scalar(out var scalar))
                return false;
            texts = scalar is null ? null : [scalar];
            return true;
        }

        /// <summary>A string, a number, true or false (their text), or null (null); false for anything else.</summary>
        private bool Scalar(out string? value)
        {
            value = null;
            if (Next == '"')
                return (value = String()) is not null;
            var start = position;
            if (Literal("null"))
                return true;
            if (Literal("true") || Literal("false") || Number())
            {
                value = text[start..position];
                return true;
            }

            return false;
        }

        /// <summary>A string without escapes, control characters or surrogates; null otherwise.</summary>
        public string? String()
        {
            if (!Take('"'))
                return null;
            var start = position;
            // Surrogates too: System.Text.Json judges unpaired ones, so a text with any is its to read.
            while (position < text.Length && text[position] is not ('"' or '\\') && text[position] >= ' ' && !char.IsSurrogate(text[position]))
                position++;
            if (!Take('"'))
                return null;
            return text[start..(position - 1)];
        }

        private bool Literal(string literal)
        {
            if (string.CompareOrdinal(text, position, literal, 0, literal.Length) != 0 || !EndsValue(position + literal.Length))
                return false;
            position += literal.Length;
            return true;
        }

        /// <summary>-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?, as JSON has it.</summary>
        private bool Number()
        {
            var at = position;
            if (At(at) == '-')
                at++;
            if (At(at) == '0')
                at++;
            else if (At(at) is >= '1' and <= '9')
                at = Digits(at);
            else
                return false;
            if (At(at) == '.')
            {
                if (!char.IsAsciiDigit(At(at + 1)))
                    return false;
                at = Digits(at + 1);
            }

            if (At(at) is 'e' or 'E')
            {
                at++;
                if (At(at) is '+' or '-')
                    at++;
                if (!char.IsAsciiDigit(At(at)))
                    return false;
                at = Digits(at);
            }

            if (!EndsValue(at))
                return false;
            position = at;
            return true;
        }

        private int Digits(int at)
        {
            while (char.IsAsciiDigit(At(at)))
                at++;
            return at;
        }

        private char At(int index) => index < text.Length ? text[index] : '\0';

        /// <summary>What may follow a number or literal: space, a separator, a closing bracket, or the end.</summary>
        private bool EndsValue(int index) => index == text.Length || At(index) is ' ' or '\t' or '\n' or '\r' or ',' or ']' or '}';
    }
}
