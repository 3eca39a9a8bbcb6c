using Engine.Targets;

namespace Engine.Cli;

/// <summary>
/// The command line: positional target names, the engine's own options, and everything else as parameter
/// options (<c>--name value…</c> or <c>--name=value</c>) for the binder.
/// </summary>
public sealed class BuildArguments
{
    private static readonly string[] EngineOptions = ["help", "h", "plan", "verbosity", "root", "target", "skip", "profile", "environment", "parallel", "max-parallel"];

    // Engine switches that take no value: names after them are targets, as in "--plan Test".
    private static readonly HashSet<string> Flags = ["HELP", "H", "PLAN", "PARALLEL"];

    public List<string> Targets { get; } = [];

    /// <summary>null: skip nothing; empty: skip every target not invoked; names: skip those.</summary>
    public List<string>? Skip { get; private set; }

    public bool Help { get; private set; }
    public bool Plan { get; private set; }
    public Verbosity Verbosity { get; private set; } = Verbosity.Normal;
    public string? Root { get; private set; }
    public string? Profile { get; private set; }

    /// <summary>How many targets may run at once: 1 unless --parallel or --max-parallel.</summary>
    public int MaxParallel { get; private set; } = 1;

    /// <summary>Options that are not the engine's: normalized name → (as typed, values).</summary>
    public Dictionary<string, (string Option, List<string> Values)> ParameterOptions { get; } = [];

    public static IReadOnlyList<string> EngineOptionNames => EngineOptions;

    public static BuildArguments Parse(IReadOnlyList<string> args)
    {
        var parsed = new BuildArguments();
        var i = 0;
        while (i < args.Count && !IsOption(args[i]))
            parsed.Targets.Add(args[i++]);

        while (i < args.Count)
        {
            var token = args[i++];
            if (!IsOption(token))
                throw new UsageException($"Unexpected argument '{token}': target names come first, then --options.");
            var (name, inline) = SplitInline(token);
            var values = inline is not null ? [inline] : new List<string>();
            var takesValues = !Flags.Contains(TargetName.Normalize(name));
            while (inline is null && i < args.Count && !IsOption(args[i]))
                (takesValues ? values : parsed.Targets).Add(args[i++]);
            parsed.Apply(name, values);
        }

        return parsed;
    }

    private void Apply(string option, List<string> values)
    {
        switch (TargetName.Normalize(option))
        {
            case "HELP" or "H": Help = true; break;
            case "PLAN": Plan = true; break;
            case "TARGET": Targets.AddRange(values); break;
            case "SKIP": Skip = [.. Skip ?? [], .. values]; break;
            case "VERBOSITY": Verbosity = ParseVerbosity(Single(option, values)); break;
            case "ROOT": Root = Single(option, values); break;
            case "PROFILE" or "ENVIRONMENT": Profile = Single(option, values); break;
            case "PARALLEL": MaxParallel = Math.Max(2, Environment.ProcessorCount); break;
            case "MAXPARALLEL": MaxParallel = ParseCount(option, Single(option, values)); break;
            default: ParameterOptions[TargetName.Normalize(option)] = ($"--{option}", values); break;
        }
    }

    private static bool IsOption(string token) => token.StartsWith("--", StringComparison.Ordinal) || token == "-h";

    private static (string Name, string? Inline) SplitInline(string token)
    {
        var body = token.TrimStart('-');
        var equals = body.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? (body, null) : (body[..equals], body[(equals + 1)..]);
    }

    private static string Single(string option, List<string> values) =>
        values.Count == 1 ? values[0] : throw new UsageException($"--{option} takes one value, got {values.Count}.");

    private static Verbosity ParseVerbosity(string value) =>
        Enum.GetNames<Verbosity>().FirstOrDefault(n => string.Equals(n, value, StringComparison.OrdinalIgnoreCase)) is { } name
            ? Enum.Parse<Verbosity>(name)
            : throw new UsageException($"Invalid value '{value}' for --verbosity: expected one of {string.Join(", ", Enum.GetNames<Verbosity>())}.");

    private static int ParseCount(string option, string value) =>
        int.TryParse(value, out var count) && count >= 1
            ? count
            : throw new UsageException($"Invalid value '{value}' for --{option}: expected a whole number of at least 1.");
}
