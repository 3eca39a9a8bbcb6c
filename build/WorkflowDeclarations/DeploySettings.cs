using Engine.Workflows;
using Pipeline.Delivery;
using Pipeline.Platforms.Ecs;

/// <summary>What the staging and production deploy workflows share.</summary>
internal sealed partial class Build
{
    /// <summary>
    /// The deploy role and region, as variables of each GitHub environment (staging, production): the same names in
    /// both, so each environment names its own role, and a role's trust policy can require that environment's subject.
    /// </summary>
    private static readonly AwsAccess DeployAws = new(RoleVariable: "AWS_DEPLOY_ROLE_ARN", RegionVariable: "AWS_REGION");

    /// <summary>
    /// A read-only role for the plan job, as a variable of the environment's plan environment (<c>&lt;env&gt;-plan</c>, no
    /// reviewers): the plan must run before the deploy environment's approval gate, so it cannot name that environment
    /// nor assume its role. The role needs only the Describe and List actions of build/Aws/deploy-role-policy.json.
    /// </summary>
    private static readonly AwsAccess PlanAws = new(RoleVariable: "AWS_PLAN_ROLE_ARN", RegionVariable: "AWS_REGION");

    /// <summary>The deploy's plan in the step summary, from a job every gated job of the environment waits for (DeployPlan orders itself first).</summary>
    private JobDeclaration PlanJob(string environment, params string[] parameters) => new(DeployPlan)
    {
        Id = "plan",
        Environment = $"{environment}-plan",
        Credentials = PlanAws,
        Profile = environment,
        Parameters = parameters,
    };

    /// <summary>Rollback when the deploy or the smoke test failed, in their environment, its record kept even when it fails.</summary>
    private JobDeclaration RollbackJob(string environment) => new(From<IRollback>().Rollback)
    {
        OnFailureOf = [From<IDeployBlueGreen>().DeployBlueGreen, From<ISmokeTest>().SmokeTest],
        Environment = environment,
        Credentials = DeployAws,
        Profile = environment,
        Parameters = [nameof(IHazDeployment.DeployWebhookUrl)],
        UploadsOnFailure = true,
    };
}
