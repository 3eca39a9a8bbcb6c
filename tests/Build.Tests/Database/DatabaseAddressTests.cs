namespace BuildTests.Database;

public class DatabaseAddressTests
{
    [Fact]
    public void A_url_gives_the_parts_with_percent_encoding_undone()
    {
        var address = DatabaseAddress.Parse("postgresql://us%40er:p%40ss%3Aw%2Fo%23rd@db.example.com:6543/notes?sslmode=require");

        Assert.Equal(new DatabaseAddress("db.example.com", 6543, "notes", "us@er", "p@ss:w/o#rd", "require"), address);
        Assert.Equal("postgres://us@er@db.example.com:6543/notes", address.ToString());
    }

    [Fact]
    public void Npgsql_keywords_give_the_same_parts()
    {
        var address = DatabaseAddress.Parse("Host=db.example.com;Port=6543;Database=notes;Username=notes;Password='semi;colon';SSL Mode=VerifyFull;Pooling=false");

        Assert.Equal(new DatabaseAddress("db.example.com", 6543, "notes", "notes", "semi;colon", "verify-full"), address);
    }

    [Fact]
    public void The_tools_get_the_password_in_the_environment_and_another_database_keeps_the_rest()
    {
        var address = DatabaseAddress.Parse("postgres://notes:s3cret@[::1]/notes");

        var environment = address.ToolEnvironment("other");

        Assert.Equal("s3cret", environment["PGPASSWORD"]);
        Assert.Equal("other", environment["PGDATABASE"]);
        Assert.Equal("5432", environment["PGPORT"]);
        Assert.Null(environment["PGSSLMODE"]);
        Assert.Equal(address with { Database = "migrate_check_1" }, DatabaseAddress.Parse(address.UrlFor("migrate_check_1")));
    }

    [Theory]
    [InlineData("notes-20250101T120000.000Z-v3")]
    [InlineData("notes-20250101T120000.000Z-v3.dump")]
    public void Backup_names_this_tool_gives_are_accepted_with_or_without_extension(string name)
    {
        Assert.Equal("notes-20250101T120000.000Z-v3", BackupName.Parse(name));
        Assert.Equal(BackupName.For("my-db.x", DateTimeOffset.UnixEpoch, 2), BackupName.Parse(BackupName.For("my-db.x", DateTimeOffset.UnixEpoch, 2)));
    }

    [Theory]
    [InlineData("../notes-20250101T120000.000Z-v3")]
    [InlineData("backups/notes-20250101T120000.000Z-v3")]
    [InlineData("notes-20250101T120000.000Z-v3/..")]
    [InlineData("notes")]
    [InlineData("")]
    public void Anything_else_is_refused(string name)
    {
        var error = Assert.Throws<InvalidOperationException>(() => BackupName.Parse(name));

        Assert.Contains("is not the name of a backup MigrateDb made", error.Message, StringComparison.Ordinal);
    }
}
