using Engine;

namespace BuildTests.Targets;

public class LintCheckTests
{
    [Fact]
    public async Task Findings_of_the_compiler_and_of_dotnet_format_are_reported_as_file_and_line()
    {
        var root = Directory.CreateTempSubdirectory("lint-check-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(root, "Sample.csproj"), """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup><TargetFramework>net10.0</TargetFramework><OutputType>Library</OutputType></PropertyGroup>
                </Project>
                """);
            // Line 6: a variable never used (compiler warning CS0168); line 7: indentation dotnet format would fix.
            await File.WriteAllTextAsync(Path.Combine(root, "Sample.cs"), "namespace Sample;\npublic static class Code\n{\n    public static void Run()\n    {\n        int unused;\n          System.Console.WriteLine();\n    }\n}\n");
            var project = new AbsolutePath(Path.Combine(root, "Sample.csproj"));

            var findings = await new LintCheck(new AbsolutePath(root), project, new AbsolutePath(Path.Combine(root, "lint")), Configuration.Debug).RunAsync(CancellationToken.None);

            Assert.Contains(findings, f => f is { File: "Sample.cs", Line: 6, Code: "CS0168" });
            Assert.Contains(findings, f => f is { File: "Sample.cs", Line: 7, Code: "WHITESPACE" });
            Assert.All(findings, f => Assert.Matches(@"^Sample\.cs:\d+:\d+: [A-Z]+\d* ", f.ToString()));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
