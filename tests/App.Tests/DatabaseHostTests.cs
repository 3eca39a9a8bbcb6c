using App.Configuration;

namespace App.Tests;

/// <summary>The host[:port] of DATABASE_HOST and migrate --require-host: one host and a port, nothing a connection string could misread.</summary>
public sealed class DatabaseHostTests
{
    [Theory]
    [InlineData("scratch.abc123.eu-west-1.rds.amazonaws.com", "scratch.abc123.eu-west-1.rds.amazonaws.com", null)]
    [InlineData("scratch.example:6543", "scratch.example", 6543)]
    [InlineData("127.0.0.1:5432", "127.0.0.1", 5432)]
    [InlineData("db_restore-1", "db_restore-1", null)]
    [InlineData("  scratch.example:1  ", "scratch.example", 1)]
    [InlineData("[::1]:5432", "::1", 5432)]
    [InlineData("[::1]", "::1", null)]
    [InlineData("[2001:db8::7]:65535", "2001:db8::7", 65535)]
    public void Host_and_optional_port_are_read(string text, string host, int? port)
    {
        Assert.True(DatabaseHost.TryParse(text, out var address, out var problem), problem);

        Assert.Equal(new DatabaseHost(host, port), address);
    }

    [Theory]
    [InlineData("", "the host is empty")]
    [InlineData(":5432", "the host is empty")]
    [InlineData("scratch.example:", "the port is not a number from 1 to 65535")]
    [InlineData("scratch.example:0", "the port is not a number from 1 to 65535")]
    [InlineData("scratch.example:65536", "the port is not a number from 1 to 65535")]
    [InlineData("scratch.example:-1", "the port is not a number from 1 to 65535")]
    [InlineData("scratch.example:54x", "the port is not a number from 1 to 65535")]
    [InlineData("postgres://notes:secret@scratch.example/notes", "it is a URL; give only host or host:port (user, password and database stay in the connection string)")]
    [InlineData("scratch example", "it contains a space; give only host or host:port")]
    [InlineData("scratch.example,live.example", "it contains a comma; give one host, not a list")]
    [InlineData("scratch.example;Password=secret", "it contains a semicolon; give only host or host:port, not connection string keywords")]
    [InlineData("notes:secret@scratch.example", "it contains '@' or '/'; give only host or host:port (user, password and database stay in the connection string)")]
    [InlineData("scratch.example/notes", "it contains '@' or '/'; give only host or host:port (user, password and database stay in the connection string)")]
    [InlineData("scratch=example:5432", "'=' cannot be in a host name (letters, digits, '.', '-' and '_')")]
    [InlineData("::1", "an IPv6 address goes in brackets, as [::1] or [::1]:5432")]
    [InlineData("[::1", "what is in brackets is not an IPv6 address; write one as [::1] or [::1]:5432")]
    [InlineData("[127.0.0.1]:5432", "what is in brackets is not an IPv6 address; write one as [::1] or [::1]:5432")]
    [InlineData("[::1]5432", "after ']' only ':port' may follow")]
    [InlineData("[::1]:0", "the port is not a number from 1 to 65535")]
    public void Anything_else_is_refused_with_the_reason_but_not_the_text(string text, string expected)
    {
        Assert.False(DatabaseHost.TryParse(text, out var address, out var problem));

        Assert.Null(address);
        Assert.Equal(expected, problem);
        Assert.DoesNotContain("secret", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Host=SCRATCH.example;Port=5432", true)]
    [InlineData("Host=scratch.example;Port=6543", true)]
    [InlineData("Host=live.example;Port=5432", false)]
    [InlineData("Host=scratch.example.evil;Port=5432", false)]
    [InlineData("Host=scratch.example,live.example;Port=5432", false)]
    public void Without_a_port_only_the_host_must_match_in_any_letter_case(string connectionString, bool matches)
    {
        Assert.Equal(matches, new DatabaseHost("scratch.example", null).Matches(connectionString));
    }

    [Theory]
    [InlineData("Host=scratch.example;Port=6543", true)]
    [InlineData("Host=scratch.example;Port=5432", false)]
    [InlineData("Host=scratch.example", false)]
    public void With_a_port_the_port_must_match_too(string connectionString, bool matches)
    {
        Assert.Equal(matches, new DatabaseHost("scratch.example", 6543).Matches(connectionString));
    }

    [Theory]
    [InlineData("scratch.example", null, "scratch.example")]
    [InlineData("scratch.example", 6543, "scratch.example:6543")]
    [InlineData("::1", 5432, "[::1]:5432")]
    [InlineData("::1", null, "[::1]")]
    public void Shown_as_it_is_written(string host, int? port, string expected)
    {
        Assert.Equal(expected, new DatabaseHost(host, port).ToString());
    }
}
