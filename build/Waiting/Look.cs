namespace Pipeline.Waiting;

public enum LookState
{
    Pending,
    Reached,
    Failed,
}

/// <summary>One observation while waiting: its state and what was seen, in words.</summary>
public sealed record Look(LookState State, string Observed)
{
    public static Look Pending(string observed) => new(LookState.Pending, observed);

    public static Look Reached(string observed) => new(LookState.Reached, observed);

    public static Look Failed(string observed) => new(LookState.Failed, observed);
}
