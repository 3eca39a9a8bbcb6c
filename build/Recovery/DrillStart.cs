using Pipeline.Waiting;

namespace Pipeline.Recovery;

/// <summary>
/// How a platform starts what a drill runs: a failure half-way disposes what was made before it is rethrown (the drill
/// disposes only what it was given), and a wait that failed or timed out becomes the drill's one-line failure.
/// </summary>
public static class DrillStart
{
    public static async Task<T> OrRemoveAsync<T>(T made, Func<Task> start)
        where T : IAsyncDisposable
    {
        ArgumentNullException.ThrowIfNull(made);
        ArgumentNullException.ThrowIfNull(start);
        try
        {
            await start();
            return made;
        }
        catch (WaitFailedException e)
        {
            await made.DisposeAsync();
            throw new InvalidOperationException(e.Message, e);
        }
        catch
        {
            await made.DisposeAsync();
            throw;
        }
    }
}
