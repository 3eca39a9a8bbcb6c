namespace Pipeline.Delivery;

/// <summary>
/// One deploy per environment at a time. The holder is named (owner, run id, host, process) with when it took the
/// lock, so a second deploy can say who holds it and since when. Past <see cref="Expires"/> it may be taken over,
/// but only when asked; a holder on this host whose process is gone is known dead and is taken over at once.
/// </summary>
public sealed record DeployLock(string Owner, string RunId, string Host, int ProcessId, DateTimeOffset Acquired, DateTimeOffset Expires)
{
    public bool IsExpired(DateTimeOffset now) => now >= Expires;

    public string Describe() => $"{Owner} (run {RunId}, {Host} pid {ProcessId}) since {Acquired:u}, expires {Expires:u}";
}
