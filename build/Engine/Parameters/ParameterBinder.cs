using Engine.Cli;
using Engine.Planning;
using Engine.Targets;

namespace Engine.Parameters;

/// <summary>
/// Gives each parameter its value from the first source that has one: command line, environment variable
/// (exact name or UPPER_SNAKE), .nuke/parameters.&lt;profile&gt;.json, .nuke/parameters.json, then the default.
/// A bad value or an unknown name is a <see cref="UsageException"/> before anything runs.
/// </summary>
internal sealed class ParameterBinder(string rootDirectory, Func<string, string?> environment)
{
    private const int EchoedValueLength = 60;

    public void Bind(object build, IReadOnlyList<BuildParameter> parameters, BuildArguments arguments)
    {
        var files = ParameterFiles(arguments.Profile);
        RejectUnknown(parameters, arguments, files);
        foreach (var parameter in parameters)
        {
            parameter.DefaultValue = parameter.GetValue(build);
            if (Find(parameter, arguments, files) is not { } found)
                continue;
            try
            {
                parameter.SetValue(build, found.Values is null ? parameter.DefaultValue : ValueConverter.Convert(found.Values, parameter.Type));
                parameter.Source = found.Source;
            }
            catch (FormatException e)
            {
                var shown = parameter.IsSecret ? "(secret value)" : $"'{Shortened(string.Join(" ", found.Values!))}'";
                throw new UsageException($"Invalid value {shown} for parameter {parameter.Name} ({parameter.CommandLineName}, from {found.Source}): {e.Message}.", e);
            }
        }
    }

    /// <summary>A value as echoed in an error: on one line, and cut so a pasted file cannot flood the terminal.</summary>
    private static string Shortened(string value)
    {
        var line = value.ReplaceLineEndings(" ");
        return line.Length <= EchoedValueLength ? line : line[..EchoedValueLength] + "…";
    }

    private (IReadOnlyList<string>? Values, string Source)? Find(BuildParameter parameter, BuildArguments arguments, List<ParameterFile> files)
    {
        if (arguments.ParameterOptions.TryGetValue(TargetName.Normalize(parameter.Name), out var option))
            return (option.Values, "command line");
        foreach (var name in new[] { parameter.Name, parameter.EnvironmentName }.Distinct())
        {
            // Empty counts as unset: GitHub passes an unset secret, variable or input as an empty variable.
            if (environment(name) is { Length: > 0 } value)
                return (parameter.Type.IsArray ? value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries) : [value], $"environment {name}");
        }

        foreach (var file in files)
        {
            var key = file.Values.Keys.FirstOrDefault(k => TargetName.AreSame(k, parameter.Name));
            if (key is not null)
                return (file.Values[key], file.DisplayPath);
        }

        return null;
    }

    /// <summary>The profile's file first (it wins), then the shared one.</summary>
    private List<ParameterFile> ParameterFiles(string? profile)
    {
        var files = new List<ParameterFile>();
        if (profile is not null)
        {
            var path = Path.Combine(rootDirectory, ".nuke", $"parameters.{profile}.json");
            files.Add(ParameterFile.Load(path, $".nuke/parameters.{profile}.json") ?? throw new UsageException(
                $"Unknown profile '{profile}': there is no .nuke/parameters.{profile}.json (profiles: {string.Join(", ", Profiles())})."));
        }

        if (ParameterFile.Load(Path.Combine(rootDirectory, ".nuke", "parameters.json"), ".nuke/parameters.json") is { } shared)
            files.Add(shared);
        return files;
    }

    private IEnumerable<string> Profiles()
    {
        var directory = Path.Combine(rootDirectory, ".nuke");
        return Directory.Exists(directory)
            ? Directory.GetFiles(directory, "parameters.*.json").Select(f => Path.GetFileName(f)["parameters.".Length..^".json".Length]).Order(StringComparer.Ordinal)
            : [];
    }

    private static void RejectUnknown(IReadOnlyList<BuildParameter> parameters, BuildArguments arguments, List<ParameterFile> files)
    {
        var known = parameters.Select(p => TargetName.Normalize(p.Name)).ToHashSet();
        foreach (var (key, (option, _)) in arguments.ParameterOptions)
        {
            if (!known.Contains(key))
                throw Unknown($"Unknown option {option}.", option, parameters.Select(p => p.CommandLineName).Concat(BuildArguments.EngineOptionNames.Select(n => "--" + n)));
        }

        foreach (var file in files)
        {
            foreach (var key in file.Values.Keys.Where(k => !known.Contains(TargetName.Normalize(k))))
                throw Unknown($"Unknown parameter '{key}' in {file.DisplayPath}.", key, parameters.Select(p => p.Name));
        }
    }

    private static UsageException Unknown(string message, string given, IEnumerable<string> candidates)
    {
        var nearest = NameSuggestions.Nearest(given, candidates);
        return new UsageException(nearest.Count > 0 ? $"{message} Did you mean {string.Join(", ", nearest)}?" : $"{message} Run --help to list the parameters.");
    }
}
