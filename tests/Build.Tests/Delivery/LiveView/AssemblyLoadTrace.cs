namespace BuildTests.Delivery.LiveView;

/// <summary>
/// Which assemblies a build process loaded, told by the runtime itself: its EventPipe trace of loader events
/// (DOTNET_EnableEventPipe, keyword 0x8), written to a file when the process exits. The trace names each assembly
/// it loaded in UTF-16, so a name absent from the file was never loaded.
/// </summary>
internal sealed class AssemblyLoadTrace(string path)
{
    public IReadOnlyDictionary<string, string> Variables => new Dictionary<string, string>
    {
        ["DOTNET_EnableEventPipe"] = "1",
        ["DOTNET_EventPipeOutputPath"] = path,
        ["DOTNET_EventPipeConfig"] = "Microsoft-Windows-DotNETRuntime:0x8:4",
    };

    public bool Loaded(string assembly)
    {
        Assert.True(File.Exists(path), $"the process wrote no trace at {path}");
        var trace = File.ReadAllBytes(path);
        // A sure load in every build process: were it missing, the trace would say nothing about the others either.
        Assert.True(Contains(trace, "System.Private.CoreLib"), "the trace names no loaded assembly at all");
        return Contains(trace, assembly + ",") || Contains(trace, assembly + ".dll");
    }

    private static bool Contains(byte[] trace, string text) => trace.AsSpan().IndexOf(System.Text.Encoding.Unicode.GetBytes(text)) >= 0;
}
