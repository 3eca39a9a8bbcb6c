namespace BuildTests;

/// <summary>
/// Process-wide environment variables set for one test and restored after it: for code that reads them through a
/// library (AWSSDK's default chain) rather than BuildEnvironment. Tests that use it share <see cref="ProcessEnvironmentCollection"/>.
/// </summary>
internal sealed class EnvironmentScope : IDisposable
{
    private readonly Dictionary<string, string?> before = [];

    /// <param name="values">Name → value; null unsets the variable. Variables the code under test sets are restored too when named here.</param>
    public EnvironmentScope(Dictionary<string, string?> values)
    {
        foreach (var (name, value) in values)
        {
            before[name] = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    public void Dispose()
    {
        foreach (var (name, value) in before)
            Environment.SetEnvironmentVariable(name, value);
    }
}

/// <summary>Tests that change the process's environment run alone, never beside a test that reads it.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    public const string Name = "Process environment";
}
