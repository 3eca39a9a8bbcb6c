namespace BuildTests.Delivery.LiveView;

/// <summary>A deployment view that is the live table's model alone, without a terminal: what the table would show at each measurement.</summary>
internal sealed class BoardView(DeploymentBoard board) : IDeploymentView
{
    public List<BoardSnapshot> AtMeasurements { get; } = [];

    public IPlatformObserver Observer => board;

    public void Event(string text) => board.Event(text);

    public void Waiting(string awaited, TimeSpan elapsed, TimeSpan deadline, string observed) => board.Waiting(awaited, elapsed, deadline, observed);

    public void Baking(int percent, TimeSpan total) => board.Baking(percent, total);

    public void Measured(int percent, TimeSpan elapsed, TimeSpan total, Measurement latest)
    {
        board.Measured(percent, elapsed, total, latest);
        AtMeasurements.Add(board.Snapshot());
    }

    public void Dispose()
    {
    }
}
