internal static class Build
{
    public static int Main(string[] args)
    {
        Console.WriteLine("build skeleton: " + string.Join(' ', args));
        return 0;
    }
}
