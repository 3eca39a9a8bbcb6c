namespace Engine.Workflows;

/// <summary>
/// Where a parameter's value comes from in CI: a secret, a configuration variable, or an output of an earlier job.
/// It reaches the build as the parameter's environment variable (UPPER_SNAKE_CASE), never on the command line.
/// </summary>
public sealed class ParameterMapping
{
    private ParameterMapping(string parameter, ParameterSource source)
    {
        Parameter = parameter;
        Source = source;
    }

    /// <summary>The [Parameter] member's name: use nameof.</summary>
    public string Parameter { get; }

    public ParameterSource Source { get; }

    /// <summary><c>secrets.NAME</c>; the parameter must be [Secret], so the build masks the value too.</summary>
    public static ParameterMapping Secret(string parameter, string secret) => new(parameter, new ParameterSource.Secret(secret));

    /// <summary><c>vars.NAME</c>: repository or environment configuration, not secret.</summary>
    public static ParameterMapping Variable(string parameter, string variable) => new(parameter, new ParameterSource.Variable(variable));

    /// <summary>A value the producer's target declares in Outputs and sets with <see cref="TargetOutputs.Set"/>: <c>needs.JOB.outputs.NAME</c>.</summary>
    public static ParameterMapping Output(string parameter, Target producer, TargetOutput output) => new(parameter, new ParameterSource.Output(producer, output));

    internal static ParameterMapping Input(string parameter, string input) => new(parameter, new ParameterSource.Input(input));
}

public abstract record ParameterSource
{
    private ParameterSource()
    {
    }

    public sealed record Secret(string Name) : ParameterSource;

    public sealed record Variable(string Name) : ParameterSource;

    public sealed record Output(Target Producer, TargetOutput Value) : ParameterSource
    {
        public string Name => Value.Name;
    }

    public sealed record Input(string Name) : ParameterSource;
}
