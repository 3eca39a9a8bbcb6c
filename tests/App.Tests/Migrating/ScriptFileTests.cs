using App.Migrating;

namespace App.Tests.Migrating;

public sealed class ScriptFileTests
{
    [Fact]
    public void Name_gives_version_and_description_and_markers_give_the_options()
    {
        var script = ScriptFile.Parse("V12__add_tag-index.sql", "-- migrate:no-transaction\n--migrate:contract\nCREATE INDEX CONCURRENTLY i ON t (a);");

        Assert.Equal(12, script.Version);
        Assert.Equal("add tag-index", script.Description);
        Assert.False(script.RunsInTransaction);
        Assert.True(script.IsContract);
        Assert.Equal(3, Assert.Single(script.Statements).Line);
    }

    [Fact]
    public void A_script_without_markers_runs_in_a_transaction_and_is_an_expand_step()
    {
        var script = ScriptFile.Parse("V1__x.sql", "SELECT 1;");

        Assert.True(script.RunsInTransaction);
        Assert.False(script.IsContract);
    }

    [Fact]
    public void Checksum_is_sha256_of_the_text_with_line_endings_as_lf()
    {
        Assert.Equal(ScriptChecksum.Compute("a\nb\n"), ScriptChecksum.Compute("a\r\nb\r\n"));
        Assert.Equal(ScriptChecksum.Compute("a\nb\n"), ScriptChecksum.Compute("\uFEFFa\rb\r"));
        Assert.NotEqual(ScriptChecksum.Compute("a\nb\n"), ScriptChecksum.Compute("a\nb \n"));
        Assert.Equal("ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb", ScriptChecksum.Compute("a"));
    }

    [Fact]
    public void The_service_carries_valid_scripts()
    {
        var scripts = ScriptSet.Load(ScriptSource.Embedded());

        Assert.Equal("V1__create_notes.sql", scripts.Scripts[0].FileName);
        Assert.True(scripts.LatestVersion >= 1);
    }
}
