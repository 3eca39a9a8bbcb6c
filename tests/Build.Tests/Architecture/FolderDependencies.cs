using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BuildTests.Architecture;

/// <summary>
/// Which top-level folder of build/ uses which, read from the build's own source with the compiler's semantic model
/// (so a property named like a type is not mistaken for it): an edge A → B for every name in A's files that binds to a
/// type declared in B's, with those type names as the evidence. build/Engine is its own assembly, referenced here as
/// metadata: it can use nothing of the build, and everything may use it. Types of other assemblies (packages) are
/// recorded by the files that use them.
/// </summary>
internal sealed class FolderDependencies
{
    private static readonly string[] ImplicitUsings = ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"];

    private FolderDependencies(IReadOnlyDictionary<string, SortedDictionary<string, SortedSet<string>>> edges, IReadOnlyDictionary<string, SortedSet<string>> assemblies)
    {
        Edges = edges;
        Assemblies = assemblies;
    }

    /// <summary>Folder → the folders it uses → the names of the types it uses there.</summary>
    public IReadOnlyDictionary<string, SortedDictionary<string, SortedSet<string>>> Edges { get; }

    /// <summary>Assembly (a package's, the framework's) → the files of build/ that use a type of it, relative to build/.</summary>
    public IReadOnlyDictionary<string, SortedSet<string>> Assemblies { get; }

    public static FolderDependencies Of(string buildDirectory)
    {
        var files = Directory.EnumerateFiles(buildDirectory, "*.cs", SearchOption.AllDirectories)
            .Where(file => FolderOf(buildDirectory, file) is not ("Engine" or "obj" or "bin" or "benchmarks" or "services"))
            .ToList();
        var options = CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Preview);
        var usings = CSharpSyntaxTree.ParseText(string.Concat(ImplicitUsings.Select(u => $"global using {u};\n")), options, "ImplicitUsings.cs");
        var trees = files.Select(file => CSharpSyntaxTree.ParseText(File.ReadAllText(file), options, file)).Append(usings).ToList();
        var compilation = CSharpCompilation.Create("FolderDependencies", trees, References(), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        var edges = new Dictionary<string, SortedDictionary<string, SortedSet<string>>>(StringComparer.Ordinal);
        var assemblies = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var tree in trees.Where(t => t != usings))
        {
            var from = FolderOf(buildDirectory, tree.FilePath);
            var model = compilation.GetSemanticModel(tree);
            foreach (var name in tree.GetRoot().DescendantNodes().OfType<SimpleNameSyntax>())
            {
                if (DeclaringType(model.GetSymbolInfo(name)) is not { } type)
                    continue;
                if (!type.Locations.Any(l => l.IsInSource) && type.ContainingAssembly?.Name is { } assembly)
                {
                    var file = Path.GetRelativePath(buildDirectory, tree.FilePath).Replace('\\', '/');
                    (assemblies.TryGetValue(assembly, out var users) ? users : assemblies[assembly] = new SortedSet<string>(StringComparer.Ordinal)).Add(file);
                }

                foreach (var location in type.Locations.Where(l => l.IsInSource))
                {
                    var to = FolderOf(buildDirectory, location.SourceTree!.FilePath);
                    if (to == from || to == "")
                        continue;
                    var uses = edges.TryGetValue(from, out var found) ? found : edges[from] = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
                    (uses.TryGetValue(to, out var names) ? names : uses[to] = new SortedSet<string>(StringComparer.Ordinal)).Add(type.Name);
                }
            }
        }

        return new FolderDependencies(edges, assemblies);
    }

    /// <summary>This graph with one more edge (for the test of the cycle search itself).</summary>
    public FolderDependencies With((string From, string To) added)
    {
        var copy = Copy();
        var uses = copy.TryGetValue(added.From, out var found) ? found : copy[added.From] = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        uses[added.To] = new SortedSet<string>(StringComparer.Ordinal) { "(added)" };
        return new FolderDependencies(copy, Assemblies);
    }

    private Dictionary<string, SortedDictionary<string, SortedSet<string>>> Copy() =>
        Edges.ToDictionary(e => e.Key, e => new SortedDictionary<string, SortedSet<string>>(e.Value, StringComparer.Ordinal), StringComparer.Ordinal);

    /// <summary>A cycle of folders (the first folder again at the end), or null.</summary>
    public IReadOnlyList<string>? FindCycle()
    {
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: on the path, true: done
        var path = new List<string>();
        foreach (var start in Edges.Keys.Order(StringComparer.Ordinal))
        {
            if (Visit(start) is { } cycle)
                return cycle;
        }

        return null;

        IReadOnlyList<string>? Visit(string folder)
        {
            if (state.TryGetValue(folder, out var done))
                return done ? null : [.. path.Skip(path.IndexOf(folder)), folder];
            state[folder] = false;
            path.Add(folder);
            foreach (var next in Edges.TryGetValue(folder, out var uses) ? uses.Keys : Enumerable.Empty<string>())
            {
                if (Visit(next) is { } cycle)
                    return cycle;
            }

            path.RemoveAt(path.Count - 1);
            state[folder] = true;
            return null;
        }
    }

    public string Describe(string from, string to) => $"{from} → {to} ({string.Join(", ", Edges[from][to].Take(6))}{(Edges[from][to].Count > 6 ? ", …" : "")})";

    /// <summary>The top-level folder of build/ a file is in; "" for the files at the top (Build.cs: the composition).</summary>
    private static string FolderOf(string buildDirectory, string file)
    {
        var relative = Path.GetRelativePath(buildDirectory, file).Replace('\\', '/');
        return relative.Contains('/', StringComparison.Ordinal) ? relative[..relative.IndexOf('/', StringComparison.Ordinal)] : "";
    }

    private static INamedTypeSymbol? DeclaringType(SymbolInfo info)
    {
        var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
        var type = symbol as INamedTypeSymbol ?? symbol?.ContainingType;
        while (type?.ContainingType is { } outer)
            type = outer;
        return type?.OriginalDefinition;
    }

    /// <summary>The framework and every assembly beside the tests (the engine, AWSSDK.Core …), but the build itself.</summary>
    private static List<MetadataReference> References()
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var beside = Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll").Where(file => Path.GetFileName(file) != "_build.dll");
        return [.. platform.Concat(beside).DistinctBy(Path.GetFileName).Select(file => MetadataReference.CreateFromFile(file))];
    }
}
