namespace App.Migrating;

/// <summary>The migrate command was called wrongly (an unknown option, a folder that is not there, a database not on --require-host): exit code 2, nothing touched.</summary>
public sealed class MigrationUsageException : Exception
{
    public MigrationUsageException()
    {
    }

    public MigrationUsageException(string message)
        : base(message)
    {
    }

    public MigrationUsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
