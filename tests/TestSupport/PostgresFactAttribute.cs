namespace TestSupport;

/// <summary>A fact that needs PostgreSQL at TEST_DATABASE_URL; pair it with a <see cref="TestDatabase"/> fixture.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class PostgresFactAttribute() : ServiceFactAttribute(TestDatabase.Variable, TestDatabase.Service);
