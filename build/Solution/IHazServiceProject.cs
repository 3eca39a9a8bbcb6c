using Engine;

namespace Pipeline.Solution;

/// <summary>
/// A build that delivers a service: its project, whose folder holds the Dockerfile and the Migrations. Declared once
/// for the components that publish, scan and migrate it; another repository overrides it in its build.
/// </summary>
public interface IHazServiceProject : IBuild
{
    AbsolutePath ServiceProject => RootDirectory / "src" / "App" / "App.csproj";
}
