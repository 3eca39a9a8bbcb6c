namespace Pipeline.Tools;

/// <summary>An image neither on the engine nor given by its registry: the one line says which image, where, and why.</summary>
internal sealed class ImageUnavailableException(string image, DockerEngine engine, string reason)
    : InvalidOperationException($"image {image} is not on the Docker engine at {engine}, and its registry {RegistryOf(image)} cannot give it ({reason})")
{
    public string Registry => RegistryOf(image);

    /// <summary>
    /// Why a pull failed, as the engine's last words put it: "manifest unknown" (from "manifest for … not found:
    /// manifest unknown: manifest unknown"), "connection refused" (from "Get …: dial tcp …: connect: connection refused").
    /// </summary>
    public static string CauseOf(string engineMessage)
    {
        var error = engineMessage.Trim().TrimEnd('.');
        var cause = error[(error.LastIndexOf(": ", StringComparison.Ordinal) + 1)..].Trim();
        return cause.Length > 0 ? cause : error;
    }

    // As the client reads a reference: a first part with a dot, a port or "localhost" is a registry, else Docker Hub.
    private static string RegistryOf(string image) =>
        image.Split('/') is [var first, _, ..] && (first.Contains('.') || first.Contains(':') || first == "localhost") ? first : "docker.io";
}
