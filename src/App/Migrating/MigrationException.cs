namespace App.Migrating;

/// <summary>A migration that cannot go on: its message is the one line the operator reads, naming the script at fault.</summary>
public sealed class MigrationException : Exception
{
    public MigrationException()
    {
    }

    public MigrationException(string message)
        : base(message)
    {
    }

    public MigrationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
