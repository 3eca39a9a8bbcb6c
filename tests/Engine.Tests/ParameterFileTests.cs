using Engine.Running;

namespace Engine.Tests;

public class ParameterFileTests
{
    [Theory]
    [InlineData("""{ "Retries": 1, "Retries": 2 }""", "parameter 'Retries' is given twice.")]
    [InlineData("""{ "Retries": 1, "retries": 2 }""", "parameter 'retries' is given twice (also as 'Retries').")]
    [InlineData("""{ "Names": [["a"]] }""", "parameter 'Names' must be a string, number, bool or an array of those.")]
    [InlineData("""{ "Names": [[]] }""", "parameter 'Names' must be a string, number, bool or an array of those.")]
    [InlineData("""{ "Names": [{ "a": 1 }] }""", "parameter 'Names' must be a string, number, bool or an array of those.")]
    [InlineData("""{ "Retries": { "value": 1 } }""", "parameter 'Retries' must be a string, number, bool or an array of those.")]
    public void A_bad_key_or_value_is_one_line_naming_file_and_key(string json, string message)
    {
        using var run = new BuildRun();
        run.WriteParameters("parameters.ci.json", json);
        var build = new FileBuild();

        var code = run.Run(build, "Show", "--profile", "ci");

        Assert.Equal(BuildHost.UsageError, code);
        Assert.Equal($"error: .nuke/parameters.ci.json: {message}", run.Output.Trim());
        Assert.Empty(build.Ran);
    }

    [Theory]
    [InlineData("{\n  \"Retries\": 1,\n  \"Names\" }", "at line 3, column 11: ")]
    [InlineData("{ \"Retries\": 1", "at line 1, column 15: ")]
    [InlineData("{\n\t\"Retries\": tru }", "at line 2, column 16: ")]
    public void Broken_json_names_the_file_and_a_line_and_column_counted_from_1(string json, string position)
    {
        using var run = new BuildRun();
        run.WriteParameters("parameters.json", json);

        var code = run.Run(new FileBuild(), "Show");

        Assert.Equal(BuildHost.UsageError, code);
        Assert.StartsWith($"error: .nuke/parameters.json is not valid JSON {position}", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", run.Output, StringComparison.Ordinal);
        Assert.Single(run.Output.Trim().Split('\n'));
    }

    [Fact]
    public void Scalars_nulls_and_flat_arrays_still_load()
    {
        using var run = new BuildRun();
        run.WriteParameters("parameters.json", """{ "$schema": "./build.schema.json", "Names": ["a", 2, true, null], "Retries": null }""");
        var build = new FileBuild();

        Assert.Equal(BuildHost.Success, run.Run(build, "Show"));
        Assert.Equal(["a", "2", "true", ""], build.Names);
        Assert.Equal(3, build.Retries);
    }

    private sealed class FileBuild : RecordingBuild
    {
        [Parameter] public readonly string[] Names = [];
        [Parameter] public readonly int Retries = 3;

        public Target Show => _ => Record(_, nameof(Show));
    }
}
