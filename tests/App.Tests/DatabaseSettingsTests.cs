using App.Configuration;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace App.Tests;

public sealed class DatabaseSettingsTests
{
    [Fact]
    public void Url_form_becomes_a_keyword_connection_string()
    {
        var parsed = Parse("postgres://notes:secret@db.example.com:6543/notesdb");

        Assert.Equal("db.example.com", parsed.Host);
        Assert.Equal(6543, parsed.Port);
        Assert.Equal("notesdb", parsed.Database);
        Assert.Equal("notes", parsed.Username);
        Assert.Equal("secret", parsed.Password);
    }

    [Fact]
    public void Url_form_accepts_the_postgresql_scheme_and_defaults_the_port()
    {
        var parsed = Parse("postgresql://notes@db.example.com/notesdb");

        Assert.Equal("db.example.com", parsed.Host);
        Assert.Equal(5432, parsed.Port);
        Assert.Null(parsed.Password);
    }

    [Fact]
    public void Url_form_maps_libpq_parameters()
    {
        var parsed = Parse("postgres://notes@db.example.com/notesdb?sslmode=require&application_name=notes-api&connect_timeout=7");

        Assert.Equal(SslMode.Require, parsed.SslMode);
        Assert.Equal("notes-api", parsed.ApplicationName);
        Assert.Equal(7, parsed.Timeout);
    }

    [Fact]
    public void Url_form_accepts_an_ipv6_host()
    {
        Assert.Equal("::1", Parse("postgres://notes@[::1]:5433/notesdb").Host);
    }

    [Theory]
    [InlineData("p@ss:w/o#rd")]
    [InlineData("semi;colon=equals'quote\"double")]
    [InlineData("percent%20 space +plus")]
    [InlineData("ünïcødé€")]
    public void Url_form_decodes_a_percent_encoded_password_exactly(string password)
    {
        var url = $"postgres://{Uri.EscapeDataString("us@er")}:{Uri.EscapeDataString(password)}@db.example.com/notesdb";

        var parsed = Parse(url);

        Assert.Equal("us@er", parsed.Username);
        Assert.Equal(password, parsed.Password);
        Assert.Equal("notesdb", parsed.Database);
    }

    [Fact]
    public void Keyword_form_is_kept()
    {
        var parsed = Parse("Host=db.example.com;Port=5433;Database=notesdb;Username=notes;Password='semi;colon'");

        Assert.Equal("db.example.com", parsed.Host);
        Assert.Equal(5433, parsed.Port);
        Assert.Equal("semi;colon", parsed.Password);
    }

    [Theory]
    [InlineData("mysql://notes:secret@db.example.com/notesdb", "scheme 'mysql' is not supported")]
    [InlineData("postgres://notes:sec@ret@db.example.com/notesdb", "percent-encode")]
    [InlineData("postgres://notes:secret@db.example.com:port/notesdb", "not a valid URL")]
    [InlineData("postgres:///notesdb", "has no host")]
    [InlineData("postgres://notes:secret@db.example.com/notesdb?sslmode=sometimes", "sslmode 'sometimes'")]
    [InlineData("postgres://notes:secret@db.example.com/notesdb?no_such_option=1", "'no_such_option' is not supported")]
    [InlineData("Server=db.example.com;Frobnicate=secret", "neither a postgres://")]
    [InlineData("Database=notesdb;Password=secret", "has no Host")]
    public void Bad_input_fails_with_a_message_that_names_the_problem_but_not_the_password(string value, string expected)
    {
        var error = Assert.Throws<InvalidSettingException>(() => PostgresConnectionString.Parse(value, "DATABASE_URL"));

        Assert.StartsWith("DATABASE_URL is invalid: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Database_url_wins_over_the_default_connection_string()
    {
        var settings = FromConfiguration(
            ("DATABASE_URL", "postgres://notes@from-url/notesdb"),
            ("ConnectionStrings:Default", "Host=from-connection-string"));

        Assert.Equal("from-url", new NpgsqlConnectionStringBuilder(settings.ConnectionString).Host);
    }

    [Fact]
    public void Default_connection_string_is_used_without_database_url()
    {
        var settings = FromConfiguration(("ConnectionStrings:Default", "Host=from-connection-string"));

        Assert.Equal("from-connection-string", new NpgsqlConnectionStringBuilder(settings.ConnectionString).Host);
    }

    [Fact]
    public void Nothing_configured_means_no_database()
    {
        var settings = FromConfiguration(("DATABASE_URL", " "), ("ConnectionStrings:Default", ""));

        Assert.False(settings.IsConfigured);
        Assert.Null(settings.ConnectionString);
    }

    [Fact]
    public void Describe_leaves_out_the_password()
    {
        var settings = FromConfiguration(("DATABASE_URL", "postgres://notes:secret@db.example.com:6543/notesdb"));

        Assert.Equal("Host=db.example.com;Port=6543;Database=notesdb;Username=notes", settings.Describe());
    }

    [Fact]
    public void Database_host_replaces_only_the_host_of_a_url_and_keeps_its_port()
    {
        var settings = FromConfiguration(
            ("DATABASE_URL", "postgres://notes:secret@live.example:6543/notesdb?sslmode=require&application_name=notes-api"),
            ("DATABASE_HOST", "scratch.example"));

        var effective = new NpgsqlConnectionStringBuilder(settings.ConnectionString);

        Assert.Equal("scratch.example", effective.Host);
        Assert.Equal(6543, effective.Port);
        Assert.Equal(("notes", "secret", "notesdb", SslMode.Require, "notes-api"),
            (effective.Username, effective.Password, effective.Database, effective.SslMode, effective.ApplicationName));
    }

    [Fact]
    public void Database_host_with_a_port_replaces_both()
    {
        var settings = FromConfiguration(
            ("DATABASE_URL", "postgres://notes:secret@live.example/notesdb"),
            ("DATABASE_HOST", "scratch.example:6543"));

        var effective = new NpgsqlConnectionStringBuilder(settings.ConnectionString);

        Assert.Equal(("scratch.example", 6543, "secret"), (effective.Host, effective.Port, effective.Password));
    }

    [Theory]
    [InlineData("scratch.example", "scratch.example", 5433)]
    [InlineData("scratch.example:6543", "scratch.example", 6543)]
    [InlineData("[::1]:6543", "::1", 6543)]
    public void Database_host_replaces_the_host_of_a_keyword_connection_string(string databaseHost, string host, int port)
    {
        var settings = FromConfiguration(
            ("ConnectionStrings:Default", "Host=live.example;Port=5433;Database=notesdb;Username=notes;Password='semi;colon';SSL Mode=VerifyFull"),
            ("DATABASE_HOST", databaseHost));

        var effective = new NpgsqlConnectionStringBuilder(settings.ConnectionString);

        Assert.Equal((host, port), (effective.Host, effective.Port));
        Assert.Equal(("notesdb", "notes", "semi;colon", SslMode.VerifyFull), (effective.Database, effective.Username, effective.Password, effective.SslMode));
    }

    [Fact]
    public void A_blank_database_host_changes_nothing()
    {
        var settings = FromConfiguration(("DATABASE_URL", "postgres://notes@live.example/notesdb"), ("DATABASE_HOST", "  "));

        Assert.Equal("live.example", new NpgsqlConnectionStringBuilder(settings.ConnectionString).Host);
        Assert.Null(settings.HostOverride);
    }

    [Theory]
    [InlineData("postgres://notes:secret@scratch.example/notesdb", "DATABASE_HOST is invalid: it is a URL; give only host or host:port (user, password and database stay in the connection string).")]
    [InlineData("scratch.example:99999", "DATABASE_HOST is invalid: the port is not a number from 1 to 65535.")]
    [InlineData("scratch.example;Password=secret", "DATABASE_HOST is invalid: it contains a semicolon; give only host or host:port, not connection string keywords.")]
    public void An_invalid_database_host_is_one_line_naming_it_without_the_value(string databaseHost, string expected)
    {
        var error = Assert.Throws<InvalidSettingException>(() =>
            FromConfiguration(("DATABASE_URL", "postgres://notes:secret@live.example/notesdb"), ("DATABASE_HOST", databaseHost)));

        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void Database_host_without_a_database_is_an_error_rather_than_ignored()
    {
        var error = Assert.Throws<InvalidSettingException>(() => FromConfiguration(("DATABASE_HOST", "scratch.example")));

        Assert.Equal(
            "DATABASE_HOST is set, but neither DATABASE_URL nor ConnectionStrings__Default is: it replaces the host of a configured database and cannot stand alone.",
            error.Message);
    }

    [Fact]
    public void Describe_shows_the_host_database_host_put_in_place()
    {
        var settings = FromConfiguration(
            ("DATABASE_URL", "postgres://notes:secret@live.example:6543/notesdb"),
            ("DATABASE_HOST", "scratch.example:5432"));

        Assert.Equal("Host=scratch.example;Port=5432;Database=notesdb;Username=notes (host from DATABASE_HOST)", settings.Describe());
    }

    private static NpgsqlConnectionStringBuilder Parse(string value) =>
        new(PostgresConnectionString.Parse(value, "DATABASE_URL"));

    private static DatabaseSettings FromConfiguration(params (string Key, string Value)[] values) =>
        DatabaseSettings.FromConfiguration(new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(value => new KeyValuePair<string, string?>(value.Key, value.Value)))
            .Build());
}
