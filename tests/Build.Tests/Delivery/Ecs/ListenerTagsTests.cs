using BuildTests.Aws;

namespace BuildTests.Delivery.Ecs;

/// <summary>The environment's state and lock as listener tags: every field written, read back the same, free text cleaned.</summary>
public class ListenerTagsTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_state_reads_back_as_written()
    {
        var state = new EnvironmentState
        {
            Live = new ColorRelease(Color.Green, MotoEcsEnvironment.ImageB, "1.4.0-dev.3", "abc1234", "987-2"),
            Previous = new ColorRelease(Color.Blue, MotoEcsEnvironment.ImageA),
            StandbyUntil = Noon,
            InProgress = new DeployAttempt(MotoEcsEnvironment.ImageC, Color.Blue, "shift", "123-1", Noon),
        };

        Assert.Equal(state, ListenerTags.ToState(ListenerTags.FromState(state)));
    }

    [Fact]
    public void An_empty_state_writes_every_field_empty_so_one_call_replaces_a_whole_state()
    {
        var tags = ListenerTags.FromState(EnvironmentState.Empty);

        Assert.All(tags, tag => Assert.Equal("", tag.Value));
        Assert.Equal(ListenerTags.FromState(new EnvironmentState { Live = new ColorRelease(Color.Blue, MotoEcsEnvironment.ImageA) }).Keys.Order(), tags.Keys.Order());
        Assert.Equal(EnvironmentState.Empty, ListenerTags.ToState(tags));
    }

    [Fact]
    public void A_lock_reads_back_with_its_owner_cleaned_to_what_tags_allow()
    {
        var held = new DeployLock("Jo (CI) #1", "123-1", "runner-7", 4242, Noon, Noon.AddMinutes(30));

        var read = ListenerTags.ToLock(ListenerTags.FromLock(held));

        Assert.Equal(held with { Owner = "Jo _CI_ _1" }, read);
        Assert.Null(ListenerTags.ToLock(ListenerTags.FromLock(null)));
    }

    [Fact]
    public void A_color_tag_that_is_not_a_color_is_one_line_saying_what_to_fix()
    {
        var tags = new Dictionary<string, string>(ListenerTags.FromState(new EnvironmentState { Live = new ColorRelease(Color.Blue, MotoEcsEnvironment.ImageA) }))
        {
            ["deploy:live-color"] = "purple",
        };

        var error = Assert.Throws<InvalidOperationException>(() => ListenerTags.ToState(tags));

        Assert.Contains("deploy:live-color is 'purple'", error.Message, StringComparison.Ordinal);
    }
}
