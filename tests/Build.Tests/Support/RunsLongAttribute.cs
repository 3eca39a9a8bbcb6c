namespace BuildTests;

/// <summary>
/// A test class that takes minutes (it compiles, publishes or makes images): <see cref="LongestFirst"/> starts it
/// before the others, the longest first, so it runs beside many short ones instead of alone at the end of the run.
/// </summary>
/// <param name="seconds">About how long the class takes on a quiet machine of two cores: only its rank matters.</param>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RunsLongAttribute(int seconds) : Attribute
{
    public int Seconds { get; } = seconds;
}
