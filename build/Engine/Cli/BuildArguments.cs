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

    /// <summary>Uses the profile an invoked target belongs to when none was given; another given profile is a usage error.</summary>
    public void ImplyProfile(string profile, string target)
    {
        if (Profile is null)
            Profile = profile;
        else if (!string.Equals(Profile, profile, StringComparison.OrdinalIgnoreCase))
            throw new UsageException($"{target} runs on the {profile} environment only; drop --profile {Profile} (or --environment {Profile}).");
    }

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

        var options = new List<(string Name, List<string> Values)>();
        while (i < args.Count)
        {
            var token = args[i++];
            if (!IsOption(token))
                throw new UsageException($"Unexpected argument '{token}': target names come first, then --options.");
            var (name, inline) = SplitInline(token);
            var isFlag = Flags.Contains(TargetName.Normalize(name));
            // "--plan=false" would otherwise plan anyway: a switch is on by being there, so a value is a mistake.
            if (isFlag && inline is not null)
                throw new UsageException($"--{name} takes no value: remove '={inline}'.");
            var values = inline is not null ? [inline] : new List<string>();
            while (inline is null && i < args.Count && !IsOption(args[i]))
                (isFlag ? parsed.Targets : values).Add(args[i++]);
            options.Add((name, values));
        }

        var names = new List<string>(options.Count); // not options.Select(…): LINQ over a tuple is JIT-compiled at every start
        foreach (var (name, _) in options)
            names.Add(name);
        RejectRepeated(names);
        foreach (var (name, values) in options)
            parsed.Apply(name, values);
        return parsed;
    }

    /// <summary>
    /// An option given twice is an error, not "the last one wins": checked before any value, so the message is about
    /// the repetition. --target and --skip are lists and may repeat.
    /// </summary>
    private static void RejectRepeated(IEnumerable<string> names)
    {
        var seen = new Dictionary<string, string>();
        foreach (var name in names)
        {
            var key = TargetName.Normalize(name) switch
            {
                "TARGET" or "SKIP" => null,
                "HELP" or "H" => "HELP",
                "PROFILE" or "ENVIRONMENT" => "PROFILE",
                "PARALLEL" or "MAXPARALLEL" => "PARALLEL",
                var other => other,
            };
            if (key is null)
                continue;
            if (seen.TryGetValue(key, out var first))
                throw new UsageException($"--{name} is given twice{(TargetName.AreSame(first, name) ? "" : $" (also as --{first})")}: pass it once.");
            seen[key] = name;
        }
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
            default: ParameterOptions.Add(TargetName.Normalize(option), ($"--{option}", values)); break;
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
