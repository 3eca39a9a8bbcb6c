namespace App.Configuration;

/// <summary>A setting the operator must fix; Program turns it into one clear line and exit code 2, not a stack trace.</summary>
public sealed class InvalidSettingException : Exception
{
    public InvalidSettingException()
    {
    }

    public InvalidSettingException(string message)
        : base(message)
    {
    }

    public InvalidSettingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
