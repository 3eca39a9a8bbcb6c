namespace Engine.Workflows;

/// <summary>A workflow declaration that does not fit the build: every problem found, one per line.</summary>
public sealed class WorkflowDeclarationException : Exception
{
    public WorkflowDeclarationException(string message)
        : base(message)
    {
    }

    public WorkflowDeclarationException()
    {
    }

    public WorkflowDeclarationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>Collects a declaration's problems, so one generation run reports all of them at once.</summary>
internal sealed class DeclarationErrors(string file)
{
    private readonly List<string> messages = [];

    public void Add(string message) => messages.Add($"{file}: {message}");

    public void ThrowIfAny()
    {
        if (messages.Count > 0)
            throw new WorkflowDeclarationException(string.Join(Environment.NewLine, messages));
    }
}
