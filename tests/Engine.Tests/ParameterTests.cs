using Engine.Running;

namespace Engine.Tests;

public class ParameterTests
{
    [Fact]
    public void Command_line_wins_over_environment_over_profile_over_shared_file_over_default()
    {
        using var run = new BuildRun();
        run.WriteParameters("parameters.json", """{ "PrecedenceA": "shared", "PrecedenceB": "shared", "PrecedenceC": "shared", "PrecedenceD": "shared" }""");
        run.WriteParameters("parameters.staging.json", """{ "PrecedenceA": "profile", "PrecedenceB": "profile", "PrecedenceC": "profile" }""");
        Environment.SetEnvironmentVariable("PRECEDENCE_A", "environment");
        Environment.SetEnvironmentVariable("PrecedenceB", "environment");
        var build = new PrecedenceBuild();

        var code = run.Run(build, "Show", "--precedence-a", "command line", "--environment", "staging");

        Assert.Equal(BuildHost.Success, code);
        Assert.Equal(("command line", "environment", "profile", "shared", "default"), (build.PrecedenceA, build.PrecedenceB, build.PrecedenceC, build.PrecedenceD, build.PrecedenceE));
    }

    [Fact]
    public void Values_convert_to_the_member_types()
    {
        using var run = new BuildRun();
        run.WriteParameters("parameters.json", """{ "Names": ["a", "b"], "Retries": 4 }""");
        var build = new TypedBuild();

        var code = run.Run(build, "Show", "--force", "--timeout", "1h30m", "--color", "blue", "--endpoint", "http://127.0.0.1:5000/", "--ports", "80", "443");

        Assert.Equal(BuildHost.Success, code);
        Assert.True(build.Force);
        Assert.Equal(TimeSpan.FromMinutes(90), build.Timeout);
        Assert.Equal(Color.Blue, build.Color);
        Assert.Equal(new Uri("http://127.0.0.1:5000/"), build.Endpoint);
        Assert.Equal([80, 443], build.Ports);
        Assert.Equal(["a", "b"], build.Names);
        Assert.Equal(4, build.Retries);
    }

    [Theory]
    [InlineData("--retries", "many", "Invalid value 'many' for parameter Retries (--retries, from command line): expected a whole number.")]
    [InlineData("--timeout", "soon", "Invalid value 'soon' for parameter Timeout (--timeout, from command line): expected a duration such as 90s, 5m, 1h30m or 00:05:00.")]
    [InlineData("--color", "mauve", "Invalid value 'mauve' for parameter Color (--color, from command line): expected one of Red, Blue.")]
    [InlineData("--endpoint", "not a url", "Invalid value 'not a url' for parameter Endpoint (--endpoint, from command line): expected an absolute URL such as https://example.com.")]
    public void A_bad_value_exits_2_with_one_line_naming_parameter_value_and_expectation(string option, string value, string message)
    {
        using var run = new BuildRun();
        var build = new TypedBuild();

        var code = run.Run(build, "Show", option, value);

        Assert.Equal(BuildHost.UsageError, code);
        Assert.Equal($"error: {message}", run.Output.Trim());
        Assert.False(build.Ran.Count > 0);
    }

    [Fact]
    public void A_bad_secret_value_is_not_echoed()
    {
        using var run = new BuildRun();

        var code = run.Run(new TypedBuild(), "Show", "--pin", "hunter2");

        Assert.Equal(BuildHost.UsageError, code);
        Assert.DoesNotContain("hunter2", run.Output, StringComparison.Ordinal);
        Assert.Contains("(secret value)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_names_in_files_and_profiles_are_errors()
    {
        using var run = new BuildRun();
        run.WriteParameters("parameters.json", """{ "Retires": 3 }""");
        Assert.Equal(BuildHost.UsageError, run.Run(new TypedBuild(), "Show"));
        Assert.Contains("Unknown parameter 'Retires' in .nuke/parameters.json. Did you mean Retries?", run.Output, StringComparison.Ordinal);

        run.WriteParameters("parameters.json", "{}");
        run.WriteParameters("parameters.local.json", "{}");
        Assert.Equal(BuildHost.UsageError, run.Run(new TypedBuild(), "Show", "--profile", "lcoal"));
        Assert.Contains("Unknown profile 'lcoal': there is no .nuke/parameters.lcoal.json (profiles: local).", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_missing_requirement_is_reported_before_any_target_runs()
    {
        using var run = new BuildRun();
        var build = new RequiringBuild();

        var code = run.Run(build, "Deploy");

        Assert.Equal(BuildHost.UsageError, code);
        Assert.Empty(build.Ran);
        Assert.Contains("Target Deploy requires parameter ClusterName: pass --cluster-name, set CLUSTER_NAME, or add \"ClusterName\" to .nuke/parameters.json.", run.Output, StringComparison.Ordinal);
        Assert.Contains("Target Deploy requires () => Replicas > 0 to hold.", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Requirements_of_skipped_targets_are_not_checked()
    {
        using var run = new BuildRun();
        var build = new RequiringBuild();

        Assert.Equal(BuildHost.Success, run.Run(build, "Prepare", "--skip", "Deploy"));
        Assert.Equal(["Prepare"], build.Ran);
    }

    private sealed class PrecedenceBuild : RecordingBuild
    {
        [Parameter] public readonly string PrecedenceA = "default";
        [Parameter] public readonly string PrecedenceB = "default";
        [Parameter] public readonly string PrecedenceC = "default";
        [Parameter] public readonly string PrecedenceD = "default";
        [Parameter] public readonly string PrecedenceE = "default";

        public Target Show => _ => Record(_, nameof(Show));
    }

    internal enum Color
    {
        Red,
        Blue,
    }

    private sealed class TypedBuild : RecordingBuild
    {
        [Parameter] public readonly bool Force;
        [Parameter] public readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);
        [Parameter] public readonly Color Color = Color.Red;
        [Parameter] public readonly Uri? Endpoint;
        [Parameter] public readonly int[] Ports = [];
        [Parameter] public readonly string[] Names = [];
        [Parameter] public readonly int Retries = 1;
        [Parameter, Secret] public readonly int Pin;

        public Target Show => _ => Record(_, nameof(Show));
    }

    private sealed class RequiringBuild : RecordingBuild
    {
        [Parameter("The ECS cluster")] public readonly string? ClusterName;
        [Parameter] public readonly int Replicas;

        public Target Prepare => _ => Record(_, nameof(Prepare));
        public Target Deploy => _ => Record(_.DependsOn(Prepare).Requires(() => ClusterName).Requires(() => Replicas > 0), nameof(Deploy));
    }
}
