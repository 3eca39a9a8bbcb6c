using Engine.Workflows;

namespace BuildTests.Workflows;

public sealed class UnifiedDiffTests
{
    [Fact]
    public void A_changed_line_shows_with_three_lines_of_context()
    {
        var before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
        var after = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";

        var diff = UnifiedDiff.Render("f.yml", before, after);

        Assert.Equal("--- a/f.yml (committed)\n+++ b/f.yml (generated)\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n", diff);
    }

    [Fact]
    public void Distant_changes_make_separate_hunks()
    {
        var before = string.Concat(Enumerable.Range(1, 20).Select(i => $"{i}\n"));
        var after = string.Concat(Enumerable.Range(1, 20).Select(i => i switch { 2 => "two\n", 18 => "eighteen\n", _ => $"{i}\n" }));

        var diff = UnifiedDiff.Render("f", before, after);

        Assert.Equal(2, diff.Split('\n').Count(l => l.StartsWith("@@", StringComparison.Ordinal)));
        Assert.Contains("@@ -15,6 +15,6 @@\n 15\n 16\n 17\n-18\n+eighteen\n 19\n 20\n", diff, StringComparison.Ordinal);
    }

    [Fact]
    public void A_new_file_and_a_missing_final_line_break_are_shown()
    {
        Assert.EndsWith("@@ -0,0 +1,2 @@\n+a\n+b\n", UnifiedDiff.Render("f", "", "a\nb\n"), StringComparison.Ordinal);
        Assert.EndsWith("@@ -1,1 +1,1 @@\n-a\n\\ No newline at end of file\n+a\n", UnifiedDiff.Render("f", "a", "a\n"), StringComparison.Ordinal);
    }
}
