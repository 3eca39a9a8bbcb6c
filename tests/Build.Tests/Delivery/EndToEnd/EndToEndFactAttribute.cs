using BuildTests.Delivery.Local;
using TestSupport;

namespace BuildTests.Delivery.EndToEnd;

/// <summary>
/// A test of the deploy targets through the compiled build, against the real local platform (the Docker engine,
/// registry and HAProxy of with-services.sh) and PostgreSQL, which the deployed service needs. Skipped locally
/// without them, saying why; failing on CI.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class EndToEndFactAttribute : FactAttribute
{
    public EndToEndFactAttribute() => Skip = Missing();

    public static string? Missing() =>
        LocalPlatformFactAttribute.Missing() ?? ServiceRequirement.SkipReason(TestDatabase.Variable, TestDatabase.Service);
}

/// <summary>As <see cref="EndToEndFactAttribute"/>, for a theory.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class EndToEndTheoryAttribute : TheoryAttribute
{
    public EndToEndTheoryAttribute() => Skip = EndToEndFactAttribute.Missing();
}
