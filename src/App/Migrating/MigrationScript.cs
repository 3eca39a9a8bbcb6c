namespace App.Migrating;

/// <summary>
/// One versioned script, <c>V&lt;version&gt;__&lt;description&gt;.sql</c>, as read and checked by <see cref="ScriptFile"/>.
/// By default it runs in its own transaction; <c>-- migrate:no-transaction</c> runs it statement by statement
/// outside one (for CREATE INDEX CONCURRENTLY), and <c>-- migrate:contract</c> allows it to break the version
/// still serving, because it is meant to run once no serving version uses the old shape.
/// </summary>
public sealed record MigrationScript(
    long Version,
    string Description,
    string FileName,
    string Checksum,
    IReadOnlyList<SqlStatement> Statements,
    bool RunsInTransaction,
    bool IsContract);
