namespace BuildTests.Waiting;

/// <summary>The waits between looks: fixed for the local platform; for ECS 5 s growing to 15 s while nothing changes.</summary>
public class PollPaceTests
{
    private static readonly PollPace Ecs = new(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15));

    [Fact]
    public void A_fixed_pace_always_waits_its_interval()
    {
        var pace = PollPace.Fixed(TimeSpan.FromMilliseconds(250));

        Assert.False(pace.BacksOff);
        Assert.Equal(TimeSpan.FromMilliseconds(250), pace.Next(TimeSpan.FromSeconds(3), changed: false));
    }

    [Fact]
    public void Unchanged_looks_back_off_to_the_maximum_and_a_change_starts_again()
    {
        var waits = new List<TimeSpan>();
        var wait = TimeSpan.Zero;
        for (var look = 0; look < 8; look++)
            waits.Add(wait = Ecs.Next(wait, changed: look == 0));
        var afterChange = Ecs.Next(wait, changed: true);

        Assert.All(waits, w => Assert.InRange(w, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15)));
        Assert.InRange(waits[0], TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(6));
        Assert.Equal(TimeSpan.FromSeconds(15), waits[^1]);
        Assert.True(waits.Zip(waits.Skip(1)).All(p => p.Second >= p.First), "the waits grow while nothing changes");
        Assert.InRange(afterChange, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(6));
    }

    [Fact]
    public void At_most_twelve_looks_a_minute_even_when_every_look_sees_a_change()
    {
        var elapsed = TimeSpan.Zero;
        var looks = 0;
        for (var wait = TimeSpan.Zero; elapsed < TimeSpan.FromMinutes(1); elapsed += wait, looks++)
            wait = Ecs.Next(wait, changed: true);

        Assert.InRange(looks, 10, 12);
    }
}
