using Engine;
using Pipeline.Linting;
using Pipeline.Testing;

/// <summary>A repository that only checks its code: Lint and Test, nothing of images, databases or platforms.</summary>
internal sealed class LintAndTestBuild : BuildBase, ILint, ITest
{
    public static int Main() => Execute<LintAndTestBuild>(x => x.From<ITest>().Test);
}
