namespace Engine.Workflows;

/// <summary>
/// What every job does before the build runs: check out, install the SDK global.json names, and restore two caches:
/// NuGet packages (keyed on what decides them) and the compiled build, which ./build.sh keeps in .nuke/temp/build
/// with a content hash, so a warm job skips compiling the build.
/// </summary>
internal static class SetupSteps
{
    public static IEnumerable<YamlMap> Render(int? fetchDepth)
    {
        yield return new YamlMap
        {
            { "name", "Check out" },
            { "uses", "actions/checkout@v4" },
            { "with", fetchDepth is { } depth ? new YamlMap { { "fetch-depth", depth } } : null },
        };
        yield return new YamlMap
        {
            { "name", "Set up .NET (global.json)" },
            { "uses", "actions/setup-dotnet@v4" },
            { "with", new YamlMap { { "global-json-file", "global.json" } } },
        };
        yield return new YamlMap
        {
            { "name", "Cache NuGet packages" },
            { "uses", "actions/cache@v4" },
            {
                "with", new YamlMap
                {
                    { "path", "~/.nuget/packages" },
                    { "key", "nuget-${{ runner.os }}-${{ hashFiles('global.json', '**/Directory.Packages.props', '**/*.csproj') }}" },
                    { "restore-keys", "nuget-${{ runner.os }}-" },
                }
            },
        };
        yield return new YamlMap
        {
            { "name", "Cache the compiled build" },
            { "uses", "actions/cache@v4" },
            {
                "with", new YamlMap
                {
                    { "path", ".nuke/temp/build\n.nuke/temp/build.hash\n" },
                    { "key", "build-${{ runner.os }}-${{ hashFiles('build/**', 'global.json', 'Directory.Build.props', 'Directory.Packages.props') }}" },
                }
            },
        };
    }
}
