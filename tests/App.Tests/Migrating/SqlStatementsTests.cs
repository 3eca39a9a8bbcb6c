using App.Migrating;

namespace App.Tests.Migrating;

public sealed class SqlStatementsTests
{
    [Fact]
    public void Statements_split_at_semicolons_with_the_line_each_starts_on()
    {
        var statements = SqlStatements.Split("-- header\nCREATE TABLE a (id int);\n\nINSERT INTO a\n  VALUES (1);\nSELECT 1");

        Assert.Equal([new SqlStatement(2, "CREATE TABLE a (id int)"), new SqlStatement(4, "INSERT INTO a\n  VALUES (1)"), new SqlStatement(6, "SELECT 1")], statements);
    }

    [Theory]
    [InlineData("INSERT INTO a VALUES ('x;y', 'it''s; fine')")]
    [InlineData("INSERT INTO a VALUES (E'back\\'slash;')")]
    [InlineData("CREATE TABLE \"odd;name\" (\"col;\" int)")]
    [InlineData("DO $$ BEGIN PERFORM 1; PERFORM 2; END $$")]
    [InlineData("CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql")]
    [InlineData("SELECT 1 /* a; /* nested; */ comment; */ + 1")]
    [InlineData("SELECT 1 -- a comment; with a semicolon\n + 1")]
    public void Semicolons_inside_strings_identifiers_bodies_and_comments_do_not_split(string statement)
    {
        var statements = SqlStatements.Split(statement + ";\nSELECT 2;");

        Assert.Equal([statement, "SELECT 2"], statements.Select(s => s.Text));
    }

    [Fact]
    public void A_dollar_sign_in_an_identifier_or_a_parameter_opens_no_body()
    {
        var statements = SqlStatements.Split("SELECT a$b FROM t WHERE x = $1;\nSELECT 2;");

        Assert.Equal(2, statements.Count);
    }

    [Fact]
    public void Comments_and_blank_statements_alone_are_no_statements()
    {
        Assert.Empty(SqlStatements.Split("-- only a comment\n;\n/* and another */;\n"));
    }
}
