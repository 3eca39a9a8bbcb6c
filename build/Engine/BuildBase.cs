namespace Engine;

public abstract class BuildBase
{
}
