namespace App.Versioning;

public static class VersionEndpoint
{
    public static IEndpointRouteBuilder MapVersion(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/version", (VersionInfo version) => Results.Ok(version));
        return routes;
    }
}
