using Xunit;

namespace TestSupport;

/// <summary>
/// A theory that needs PostgreSQL at TEST_DATABASE_URL; pair it with a <see cref="TestDatabase"/> fixture. The one
/// theory of a service so far: it skips as <see cref="ServiceFactAttribute"/> does, through <see cref="ServiceRequirement"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class PostgresTheoryAttribute : TheoryAttribute
{
    public PostgresTheoryAttribute() => Skip = ServiceRequirement.SkipReason(TestDatabase.Variable, TestDatabase.Service);
}
