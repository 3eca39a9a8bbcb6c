namespace Engine.Targets;

/// <summary>A condition with its source text, which is what the user sees as the reason for a skip.</summary>
internal sealed record Condition(Func<bool> Evaluate, string Text)
{
    /// <summary>"() => IsLocalBuild" reads as "IsLocalBuild".</summary>
    public static Condition Of(Func<bool> evaluate, string expression)
    {
        var text = expression.Trim();
        if (text.StartsWith("()", StringComparison.Ordinal) && text[2..].TrimStart() is var rest && rest.StartsWith("=>", StringComparison.Ordinal))
            text = rest[2..].Trim();
        return new Condition(evaluate, text);
    }
}

/// <summary>
/// A parameter that must have a value, or a bool that must be true, with its source text; a parameter requirement
/// may instead be met by an output that a target planned earlier declares.
/// </summary>
internal sealed record Requirement(Func<object?> Evaluate, Type ValueType, string Text, TargetOutput? OrOutput = null)
{
    /// <summary>The member a requirement like <c>() => AwsRegion</c> names, or null for any other expression.</summary>
    public string? MemberName
    {
        get
        {
            var body = Text.Contains("=>", StringComparison.Ordinal) ? Text[(Text.IndexOf("=>", StringComparison.Ordinal) + 2)..].Trim() : Text.Trim();
            if (body.StartsWith("this.", StringComparison.Ordinal))
                body = body[5..];
            return body.Length > 0 && body.All(c => char.IsLetterOrDigit(c) || c == '_') ? body : null;
        }
    }
}
