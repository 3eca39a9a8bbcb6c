using BuildTests.Workflows.Graphs;
using Engine;
using Engine.Workflows;

namespace BuildTests.Workflows;

/// <summary>A declaration that does not fit the build fails generation, naming every problem at once.</summary>
public sealed class DeclarationErrorTests
{
    [Fact]
    public void Mappings_are_checked_against_the_build_parameters()
    {
        var error = GenerationError(new MisdeclaredBuild());

        Assert.Contains("ci.yml: Parameter Token comes from secrets.TOKEN but is not [Secret]", error, StringComparison.Ordinal);
        Assert.Contains("Parameter Password is [Secret]: map it from a secret", error, StringComparison.Ordinal);
        Assert.Contains("Parameter Missing is mapped, but the build has no [Parameter] of that name (it has: Password, Token, Unused)", error, StringComparison.Ordinal);
        Assert.Contains("'bad name' is not a valid variable name", error, StringComparison.Ordinal);
        Assert.Contains("Job compile lists parameter Nowhere, which has no mapping", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_job_declared_for_a_target_the_workflow_does_not_run_is_an_error()
    {
        var error = GenerationError(new MisdeclaredBuild());

        Assert.Contains("The JobDeclaration for Publish: the workflow does not run it", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_job_run_per_environment_that_also_names_one_environment_or_profile_is_an_error()
    {
        var error = GenerationError(new MisdeclaredBuild());

        Assert.Contains("The JobDeclaration for Compile: Environments excludes Environment and Profile (each run names its own).", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Targets_on_one_machine_that_wait_for_another_job_between_them_are_a_cycle()
    {
        var error = GenerationError(new SharedMachineCycleBuild());

        Assert.Contains("deploy.yml: Jobs form a cycle: push-ecr needs scan needs push-ecr.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_target_that_is_no_property_and_a_workflow_without_trigger_are_errors()
    {
        var error = GenerationError(new UnknownTargetBuild());

        Assert.Contains("ci.yml: Invokes refers to a target that is not a Target property of the build.", error, StringComparison.Ordinal);
        Assert.Contains("ci.yml: No trigger", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_mapping_no_job_receives_and_contradicting_conditions_are_errors()
    {
        var error = GenerationError(new UnusedMappingBuild());

        Assert.Contains("Parameter Region is mapped but no job receives it", error, StringComparison.Ordinal);
        Assert.Contains("Job compile has OnFailureOf but runs on Always", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Aws_access_with_a_bad_variable_name_or_a_region_also_mapped_is_an_error()
    {
        var error = GenerationError(new AwsRegionTwiceBuild());

        Assert.Contains("deploy.yml: Job deploy: 'bad-region' is not a valid variable name for its AWS access.", error, StringComparison.Ordinal);
        Assert.Contains("Job deploy: AWS_REGION comes from a parameter mapping and from its AWS access", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_declarations_of_one_file_are_an_error()
    {
        var error = GenerationError(new DuplicateFileBuild());

        Assert.Contains("Two workflow declarations write the same file: ci.yml", error, StringComparison.Ordinal);
    }

    /// <summary>What generating the build's workflows failed with: one message naming every problem.</summary>
    private static string GenerationError(BuildBase build) =>
        Assert.Throws<WorkflowDeclarationException>(() => WorkflowGenerator.Generate(build)).Message;
}
