namespace App.Migrating;

/// <summary>A statement of a script and the line of the file it starts on.</summary>
public sealed record SqlStatement(int Line, string Text)
{
    /// <summary>The line of the file at PostgreSQL's error position (1-based characters into the statement; 0 when it gave none).</summary>
    public int LineAt(int position) => Line + (position > 0 ? Text.AsSpan(0, Math.Min(position - 1, Text.Length)).Count('\n') : 0);
}

/// <summary>
/// Splits a script at the semicolons that end statements, skipping those inside strings, quoted identifiers,
/// dollar-quoted bodies and comments. Statements run one at a time so that an error and a compatibility finding can
/// name their line, and so that a script outside a transaction can hold CREATE INDEX CONCURRENTLY, which refuses to
/// run in a multi-statement batch. Not handled: SQL-standard function bodies (BEGIN ATOMIC … END); use $$ bodies.
/// </summary>
public static class SqlStatements
{
    public static IReadOnlyList<SqlStatement> Split(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var statements = new List<SqlStatement>();
        var start = -1; // where the current statement's first code character is, or -1 between statements
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            var next = i + 1 < sql.Length ? sql[i + 1] : '\0';
            if (c == '-' && next == '-')
            {
                i = SkipLineComment(sql, i);
            }
            else if (c == '/' && next == '*')
            {
                i = SkipBlockComment(sql, i);
            }
            else if (c == ';' || char.IsWhiteSpace(c))
            {
                if (c == ';' && start >= 0)
                {
                    statements.Add(new SqlStatement(LineAt(sql, start), sql[start..i].TrimEnd()));
                    start = -1;
                }

                i++;
            }
            else
            {
                start = start < 0 ? i : start;
                i = SkipToken(sql, i);
            }
        }

        if (start >= 0)
        {
            statements.Add(new SqlStatement(LineAt(sql, start), sql[start..].TrimEnd()));
        }

        return statements;
    }

    private static int SkipToken(string sql, int i) => sql[i] switch
    {
        '\'' => SkipQuoted(sql, i, '\'', backslashEscapes: IsEscapeString(sql, i)),
        '"' => SkipQuoted(sql, i, '"', backslashEscapes: false),
        '$' when DollarTag(sql, i) is { } tag => SkipPast(sql, tag, i + tag.Length),
        _ => i + 1,
    };

    private static int LineAt(string sql, int index) => 1 + sql.AsSpan(0, index).Count('\n');

    private static int SkipLineComment(string sql, int i)
    {
        var end = sql.IndexOf('\n', i);
        return end < 0 ? sql.Length : end;
    }

    // PostgreSQL's block comments nest.
    private static int SkipBlockComment(string sql, int i)
    {
        var depth = 0;
        while (i < sql.Length)
        {
            if (sql[i] == '/' && i + 1 < sql.Length && sql[i + 1] == '*')
            {
                (depth, i) = (depth + 1, i + 2);
            }
            else if (sql[i] == '*' && i + 1 < sql.Length && sql[i + 1] == '/')
            {
                (depth, i) = (depth - 1, i + 2);
                if (depth == 0)
                {
                    return i;
                }
            }
            else
            {
                i++;
            }
        }

        return i;
    }

    // A doubled quote is the quote itself; in E'...' strings a backslash escapes the next character too.
    private static int SkipQuoted(string sql, int i, char quote, bool backslashEscapes)
    {
        for (var j = i + 1; j < sql.Length; j++)
        {
            if (backslashEscapes && sql[j] == '\\')
            {
                j++;
            }
            else if (sql[j] == quote)
            {
                if (j + 1 < sql.Length && sql[j + 1] == quote)
                {
                    j++;
                }
                else
                {
                    return j + 1;
                }
            }
        }

        return sql.Length;
    }

    private static bool IsEscapeString(string sql, int quote) =>
        quote > 0 && sql[quote - 1] is 'E' or 'e' && (quote < 2 || !IsIdentifierPart(sql[quote - 2]));

    // $tag$ or $$ opens a dollar-quoted string; $1 is a parameter and a$b an identifier, neither opens one.
    private static string? DollarTag(string sql, int i)
    {
        if (i > 0 && IsIdentifierPart(sql[i - 1]))
        {
            return null;
        }

        var j = i + 1;
        if (j < sql.Length && (char.IsLetter(sql[j]) || sql[j] == '_'))
        {
            while (j < sql.Length && (char.IsLetterOrDigit(sql[j]) || sql[j] == '_'))
            {
                j++;
            }
        }

        return j < sql.Length && sql[j] == '$' ? sql[i..(j + 1)] : null;
    }

    private static int SkipPast(string sql, string tag, int from)
    {
        var end = sql.IndexOf(tag, from, StringComparison.Ordinal);
        return end < 0 ? sql.Length : end + tag.Length;
    }

    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c is '_' or '$';
}
