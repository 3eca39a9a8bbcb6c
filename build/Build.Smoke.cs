using Pipeline.Delivery;
using Pipeline.Delivery.Smoke;
using Pipeline.ServiceChecks;

/// <summary>
/// This repository's service keeps notes: its smoke checks are the standard ones and a round trip through the notes
/// API (a component knows nothing of notes; another repository adds its own service's checks the same way).
/// </summary>
internal sealed partial class Build
{
    internal static IReadOnlyList<ISmokeCheck> ServiceSmokeChecks { get; } = [.. SmokeSuite.StandardChecks, new NotesRoundTripCheck()];

    IReadOnlyList<ISmokeCheck> IHazDeployment.SmokeChecks => ServiceSmokeChecks;
}
