namespace BuildTests.Cli;

/// <summary>
/// Bad input and a hostile environment, through the compiled build as a process: every case ends with its exit code
/// (0, 1 or 2) and one clear line, never a crash with a stack trace. _build.dll is the repository's build;
/// FixtureBuild.dll has what it lacks (a duration parameter, a target that succeeds in an empty root).
/// </summary>
public class BadInputTests
{
    private const string Fixture = "FixtureBuild.dll";

    [Theory]
    [InlineData("parameters.json", """{ "Configuration": "Debug", "Configuration": "Release" }""",
        "error: .nuke/parameters.json: parameter 'Configuration' is given twice.")]
    [InlineData("parameters.json", """{ "Configuration": "Debug", "configuration": "Release" }""",
        "error: .nuke/parameters.json: parameter 'configuration' is given twice (also as 'Configuration').")]
    [InlineData("parameters.staging.json", """{ "Configuration": [["Debug"]] }""",
        "error: .nuke/parameters.staging.json: parameter 'Configuration' must be a string, number, bool or an array of those.")]
    [InlineData("parameters.staging.json", """{ "Configuration": [[]] }""",
        "error: .nuke/parameters.staging.json: parameter 'Configuration' must be a string, number, bool or an array of those.")]
    public async Task A_bad_parameter_file_is_one_line_naming_file_and_key(string file, string json, string expected)
    {
        using var build = new CompiledBuild();
        await File.WriteAllTextAsync(Path.Combine(build.Root, ".nuke", "parameters.staging.json"), "{}"); // the case's file may replace it
        await File.WriteAllTextAsync(Path.Combine(build.Root, ".nuke", file), json);

        var (code, output) = await build.RunAsync(null, "Lint", "--profile", "staging");

        AssertOutcome(2, expected, output, code);
    }

    [Fact]
    public async Task Broken_json_in_a_parameter_file_names_line_and_column_from_1()
    {
        using var build = new CompiledBuild();
        await File.WriteAllTextAsync(Path.Combine(build.Root, ".nuke", "parameters.json"), "{\n  \"Configuration\": \"Debug\",\n  \"Other\" }\n");

        var (code, output) = await build.RunAsync(null, "Lint");

        AssertOutcome(2, "error: .nuke/parameters.json is not valid JSON at line 3, column 11: ", output, code, prefixOnly: true);
    }

    [Theory]
    [InlineData("99999999999d", "expected a duration of at most 10675199 days")]
    [InlineData("-5m", "expected a duration that is not negative, such as 90s, 5m, 1h30m or 00:05:00")]
    [InlineData("-00:05:00", "expected a duration that is not negative, such as 90s, 5m, 1h30m or 00:05:00")]
    public async Task A_duration_that_overflows_or_is_negative_is_a_usage_error(string value, string expectation)
    {
        using var build = new CompiledBuild(Fixture);

        var (code, output) = await build.RunAsync(null, "Pass", "--hold-for", value);

        AssertOutcome(2, $"error: Invalid value '{value}' for parameter HoldFor (--hold-for, from command line): {expectation}.", output, code);
    }

    [Fact]
    public async Task A_long_invalid_value_is_echoed_cut_short()
    {
        using var build = new CompiledBuild();

        var (code, output) = await build.RunAsync(null, "Lint", "--configuration", new string('x', 500));

        AssertOutcome(2, $"error: Invalid value '{new string('x', 60)}…' for parameter Configuration (--configuration, from command line): expected one of Debug, Release.", output, code);
    }

    [Theory]
    [InlineData("error: --plan takes no value: remove '=false'.", "Lint", "--plan=false")]
    [InlineData("error: --help takes no value: remove '=x'.", "--help=x")]
    [InlineData("error: --parallel takes no value: remove '=3'.", "Lint", "--parallel=3")]
    [InlineData("error: --configuration is given twice: pass it once.", "Lint", "--configuration", "Debug", "--configuration", "Release")]
    [InlineData("error: --verbosity is given twice: pass it once.", "Lint", "--verbosity", "q", "--verbosity", "n")]
    public async Task A_value_on_a_switch_or_an_option_given_twice_is_a_usage_error(string expected, params string[] args)
    {
        using var build = new CompiledBuild();

        var (code, output) = await build.RunAsync(null, args);

        AssertOutcome(2, expected, output, code);
    }

    [Fact]
    public async Task Plan_in_a_root_where_nothing_can_be_written_prints_the_plan_and_warns()
    {
        using var build = new CompiledBuild();
        // As root, permissions do not stop writes: a file where a folder must go, and a folder where a file must, do.
        await File.WriteAllTextAsync(Path.Combine(build.Root, "artifacts"), "");
        Directory.CreateDirectory(Path.Combine(build.Root, ".nuke", "build.schema.json"));

        var (code, output) = await build.RunAsync(null, "--plan", "Lint");

        AssertOutcome(0, "warning: could not write artifacts/plan.md: ", output, code, prefixOnly: true);
        Assert.Contains("Plan for Lint:", output, StringComparison.Ordinal);
        Assert.Contains(Lines(output), l => l.StartsWith("warning: could not update .nuke/build.schema.json: ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/proc/nonexistent/x")]
    [InlineData("artifacts-file/summary.md")]
    public async Task An_unwritable_step_summary_after_success_is_a_warning(string summary)
    {
        using var build = new CompiledBuild(Fixture);
        await File.WriteAllTextAsync(Path.Combine(build.Root, "artifacts-file"), "");
        var environment = new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_STEP_SUMMARY"] = summary };

        var (code, output) = await build.RunAsync(environment, "Pass");

        AssertOutcome(0, $"warning: could not append the step summary to {summary}: ", output, code, prefixOnly: true);
        Assert.Contains("Build succeeded", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, """exec "$@" >&-""", "--help")]
    [InlineData(0, """ "$@" | true; exit "${PIPESTATUS[0]}" """, "--help")]
    [InlineData(0, """exec "$@" >&- 2>&-""", "--help")]
    [InlineData(2, """exec "$@" >&-""", "Lint", "--plan=false")]
    [InlineData(2, """exec "$@" >&- 2>&-""", "Lint", "--plan=false")]
    public async Task Closed_output_changes_nothing_but_what_is_seen(int expectedCode, string script, params string[] args)
    {
        using var build = new CompiledBuild();

        var (code, output) = await build.RunInShellAsync(script, args);

        Assert.Equal(expectedCode, code);
        AssertNoCrash(output);
        if (expectedCode == 2 && !script.Contains("2>&-", StringComparison.Ordinal))
            Assert.Equal("error: --plan takes no value: remove '=false'.", output.Trim());
    }

    [Fact]
    public async Task A_static_condition_that_throws_fails_its_target()
    {
        using var build = new CompiledBuild(Fixture);

        var (code, output) = await build.RunAsync(null, "BrokenCondition");

        AssertOutcome(1, "BrokenCondition failed: ", output, code, prefixOnly: true);
        Assert.Contains("the condition broke", output, StringComparison.Ordinal);
        Assert.Matches(@"BrokenCondition\s+Failed", output);
        Assert.DoesNotContain("Ran anyway.", output, StringComparison.Ordinal);
    }

    private static void AssertOutcome(int expectedCode, string expectedLine, string output, int code, bool prefixOnly = false)
    {
        Assert.True(expectedCode == code, $"exit code {code}, expected {expectedCode}; output:\n{output}");
        AssertNoCrash(output);
        Assert.True(
            Lines(output).Any(l => prefixOnly ? l.StartsWith(expectedLine, StringComparison.Ordinal) : l == expectedLine),
            $"no line {(prefixOnly ? "starting with" : "equal to")} \"{expectedLine}\" in:\n{output}");
    }

    private static void AssertNoCrash(string output)
    {
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(?m)^\s+at \S", output);
    }

    // On GitHub the build colours its lines as it would on a terminal.
    private static IEnumerable<string> Lines(string output) =>
        output.Split('\n').Select(l => System.Text.RegularExpressions.Regex.Replace(l.TrimEnd('\r'), @"\e\[[0-9;]*m", ""));
}
