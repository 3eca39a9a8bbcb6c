using System.Runtime.CompilerServices;
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

    public T? TryGetValue<T>(Func<T> parameter, [CallerArgumentExpression(nameof(parameter))] string expression = "")
        where T : class? => ComponentParameter(expression) as T;

    public T? TryGetValue<T>(Func<T?> parameter, [CallerArgumentExpression(nameof(parameter))] string expression = "")
        where T : struct => ComponentParameter(expression) is T value ? value : null;

    internal void SetComponentParameter(string name, object? value) => componentParameters[name] = value;

    /// <summary>Runs the build with the process's command line; the exit code for Main.</summary>
    protected static int Execute<T>(Func<T, Target>? defaultTarget = null)
        where T : BuildBase, new() =>
        BuildHost.RunProcess(new T(), Environment.GetCommandLineArgs().Skip(1).ToArray(), b => defaultTarget?.Invoke((T)b));

    /// <summary>The key result line of the running target, shown in the summary table.</summary>
    protected static void ReportSummary(string line) => TargetRunner.ReportSummary(line);

    /// <inheritdoc cref="IBuild.AppendStepSummary"/>
    protected static void AppendStepSummary(string markdown) => Output.GitHubActions.AppendToCurrentStepSummary(markdown);

    private object? ComponentParameter(string expression) => componentParameters.GetValueOrDefault(ParameterName(expression));

    /// <summary>"() => Name" (or "() => this.Name") → "Name": the property the lambda reads.</summary>
    private static string ParameterName(string expression)
    {
        var arrow = expression.IndexOf("=>", StringComparison.Ordinal);
        var body = arrow < 0 ? "" : expression[(arrow + 2)..].Trim();
        var name = body[(body.LastIndexOf('.') + 1)..];
        return IsIdentifier(name)
            ? name
            : throw new ArgumentException($"TryGetValue takes the parameter's own property: () => Name, not {expression}.", nameof(expression));
    }

    private static bool IsIdentifier(string name)
    {
        if (name.Length == 0 || !(char.IsLetter(name[0]) || name[0] == '_'))
            return false;
        foreach (var c in name)
        {
            if (!char.IsLetterOrDigit(c) && c != '_')
                return false;
        }

        return true;
    }
}
