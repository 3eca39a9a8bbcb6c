namespace TestSupport;

/// <summary>A theory that needs PostgreSQL at TEST_DATABASE_URL; pair it with a <see cref="TestDatabase"/> fixture.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class PostgresTheoryAttribute() : ServiceTheoryAttribute(TestDatabase.Variable, TestDatabase.Service);
