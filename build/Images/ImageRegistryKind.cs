namespace Pipeline.Images;

/// <summary>Where PushEcr pushes: Amazon ECR, or a plain registry (LocalRegistry) without AWS.</summary>
public enum ImageRegistryKind
{
    Ecr,
    Local,
}
