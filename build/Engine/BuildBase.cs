using System.Linq.Expressions;
using Engine.Running;

namespace Engine;

/// <summary>
/// The base of a build class, NUKE's <c>NukeBuild</c>: targets are properties of the subclass or of the components it
/// implements, parameters are [Parameter] members, and <c>Main</c> calls <see cref="Execute{T}"/> with the default target.
/// </summary>
public abstract class BuildBase : IBuild
{
    /// <summary>Values of parameters declared on components, which have no field to hold them.</summary>
    private readonly Dictionary<string, object?> componentParameters = [];

    public AbsolutePath RootDirectory { get; internal set; } = new(Directory.GetCurrentDirectory());
    public AbsolutePath ArtifactsDirectory => RootDirectory / "artifacts";
    public AbsolutePath TemporaryDirectory => RootDirectory / ".nuke" / "temp";

    /// <summary>The --profile / --environment given, or null.</summary>
    public string? Profile { get; internal set; }

    public Verbosity Verbosity { get; internal set; } = Verbosity.Normal;

    public static bool IsServerBuild => BuildEnvironment.IsServerBuild;
    public static bool IsLocalBuild => !IsServerBuild;
    public static bool IsGitHubActions => BuildEnvironment.IsGitHubActions;

    /// <summary>This build seen as one of its components: <c>From&lt;ITest&gt;().Test</c> names a component's target.</summary>
    public T From<T>()
        where T : IBuild => this is T component ? component : throw new InvalidCastException($"{GetType().Name} does not implement {typeof(T).Name}.");

    public T? TryGetValue<T>(Expression<Func<T>> parameter)
        where T : class? => componentParameters.GetValueOrDefault(ParameterName(parameter)) as T;

    public T? TryGetValue<T>(Expression<Func<T?>> parameter)
        where T : struct => componentParameters.GetValueOrDefault(ParameterName(parameter)) is T value ? value : null;

    internal void SetComponentParameter(string name, object? value) => componentParameters[name] = value;

    /// <summary>Runs the build with the process's command line; the exit code for Main.</summary>
    protected static int Execute<T>(Func<T, Target>? defaultTarget = null)
        where T : BuildBase, new() =>
        BuildHost.RunProcess(new T(), Environment.GetCommandLineArgs().Skip(1).ToArray(), b => defaultTarget?.Invoke((T)b));

    /// <summary>The key result line of the running target, shown in the summary table.</summary>
    protected static void ReportSummary(string line) => TargetRunner.ReportSummary(line);

    private static string ParameterName(LambdaExpression parameter) =>
        parameter.Body is MemberExpression member ? member.Member.Name
            : parameter.Body is UnaryExpression { Operand: MemberExpression converted } ? converted.Member.Name
            : throw new ArgumentException("TryGetValue takes the parameter's own property: () => Name.", nameof(parameter));
}
