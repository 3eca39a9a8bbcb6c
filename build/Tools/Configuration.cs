namespace Pipeline.Tools;

public enum Configuration
{
    Debug,
    Release,
}
