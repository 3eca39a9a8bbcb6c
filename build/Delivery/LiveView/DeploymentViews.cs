using System.Runtime.CompilerServices;
using Engine;
using Pipeline.Waiting;

namespace Pipeline.Delivery.LiveView;

/// <summary>The view a deploy gets: the live table in an interactive terminal, today's plain lines everywhere else.</summary>
public static class DeploymentViews
{
    public static IDeploymentView For(string environment, DeploymentSettings settings)
    {
        var output = BuildOutput.Current;
        return InteractiveTerminal.Draws(BuildEnvironment.Get, !Console.IsOutputRedirected, output)
            ? Live(environment, settings, output)
            : new PlainDeploymentLines(SystemDeployClock.Instance, settings.StatusInterval, Log.Information);
    }

    /// <summary>Its own method, never inlined: the live view's types, and Spectre.Console with them, load only when it is drawn.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static IDeploymentView Live(string environment, DeploymentSettings settings, BuildOutput output) => new LiveDeploymentView(environment, settings, output);
}
