using Engine;

namespace Pipeline.Solution;

/// <summary>A build that has a solution: by default the one .sln or .slnx file at the root.</summary>
public interface IHazSolution : IBuild
{
    AbsolutePath Solution
    {
        get
        {
            var found = Directory.GetFiles(RootDirectory, "*.sln").Concat(Directory.GetFiles(RootDirectory, "*.slnx")).Order(StringComparer.Ordinal).ToList();
            return found.Count == 1
                ? new AbsolutePath(found[0])
                : throw new InvalidOperationException(
                    $"Expected one solution file at {RootDirectory}, found {(found.Count == 0 ? "none" : string.Join(", ", found.Select(Path.GetFileName)))}: override Solution in the build.");
        }
    }
}
