using Engine;

namespace BuildTests.Delivery.Local;

/// <summary>The lock and the state as files in the state folder: what another process, or a re-run after a crash, reads.</summary>
public sealed class LockAndStateTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2030, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly AbsolutePath folder = new(Path.Combine(Path.GetTempPath(), "lock-state-" + Guid.NewGuid().ToString("N")[..8]));

    private LocalPlatform Platform => new(new LocalPlatformSettings { App = "app", StateDirectory = folder });

    [Fact]
    public async Task The_lock_is_taken_once_held_against_others_and_released_only_by_its_holder()
    {
        var first = Holder("first");
        var second = Holder("second");

        Assert.Null(await Platform.TryAcquireLockAsync(first, null, CancellationToken.None));
        Assert.Equal(first, await Platform.TryAcquireLockAsync(second, null, CancellationToken.None)); // another process reads the holder
        await Platform.ReleaseLockAsync(second, CancellationToken.None);                               // not its lock: stays
        Assert.Equal(first, await Platform.TryAcquireLockAsync(second, null, CancellationToken.None));

        await Platform.ReleaseLockAsync(first, CancellationToken.None);

        Assert.False(File.Exists(folder / "lock.json"));
        Assert.Null(await Platform.TryAcquireLockAsync(second, null, CancellationToken.None));
    }

    [Fact]
    public async Task A_lock_is_taken_over_only_when_replacing_names_its_exact_holder()
    {
        var stale = Holder("crashed");
        var taker = Holder("taker");
        await Platform.TryAcquireLockAsync(stale, null, CancellationToken.None);

        Assert.Equal(stale, await Platform.TryAcquireLockAsync(taker, stale with { RunId = "other run" }, CancellationToken.None));
        Assert.Null(await Platform.TryAcquireLockAsync(taker, stale, CancellationToken.None));
        Assert.Equal(taker, await Platform.TryAcquireLockAsync(Holder("late"), stale, CancellationToken.None)); // the holder changed meanwhile
    }

    [Fact]
    public async Task Of_many_processes_racing_for_a_free_lock_exactly_one_gets_it()
    {
        var contenders = Enumerable.Range(0, 16).Select(i => Holder($"contender {i}")).ToList();

        var answers = await Task.WhenAll(contenders.Select(c => Task.Run(() => new LocalPlatform(new LocalPlatformSettings { StateDirectory = folder }).TryAcquireLockAsync(c, null, CancellationToken.None))));

        var winner = Assert.Single(contenders, c => answers[contenders.IndexOf(c)] is null);
        Assert.All(answers.Where(a => a is not null), holder => Assert.Equal(winner, holder));
    }

    [Fact]
    public async Task An_unreadable_lock_file_is_a_holder_that_can_be_taken_over_by_name()
    {
        folder.CreateDirectory();
        File.WriteAllText(folder / "lock.json", "");

        var holder = await Platform.TryAcquireLockAsync(Holder("next"), null, CancellationToken.None);

        Assert.NotNull(holder);
        Assert.StartsWith("unknown (unreadable lock.json: ", holder.Owner, StringComparison.Ordinal);
        Assert.Null(await Platform.TryAcquireLockAsync(Holder("next"), holder, CancellationToken.None));
    }

    [Fact]
    public async Task State_round_trips_through_state_json_and_is_empty_before_the_first_deploy()
    {
        Assert.Equal(EnvironmentState.Empty, await Platform.ReadStateAsync(CancellationToken.None));
        var image = "127.0.0.1:5000/app@sha256:" + new string('a', 64);
        var state = new EnvironmentState
        {
            Live = new ColorRelease(Color.Green, image, "1.4.0", "0a1b2c3"),
            Previous = new ColorRelease(Color.Blue, image.Replace('a', 'b'), "1.3.0"),
            StandbyUntil = Now.AddMinutes(30),
            InProgress = new DeployAttempt(image, Color.Green, "shifting", "run-7", Now),
        };

        await Platform.WriteStateAsync(state, CancellationToken.None);

        Assert.Equal(state, await Platform.ReadStateAsync(CancellationToken.None));
        var text = File.ReadAllText(folder / "state.json");
        Assert.Contains("\"color\": \"green\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("digest", text, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(folder, "*.tmp"));
    }

    [Fact]
    public async Task A_state_file_that_does_not_parse_is_one_line_naming_it()
    {
        folder.CreateDirectory();
        File.WriteAllText(folder / "state.json", "{ \"live\": ");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Platform.ReadStateAsync(CancellationToken.None));

        Assert.StartsWith($"{folder / "state.json"} is not an environment state (fix or delete it): ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
    }

    private static DeployLock Holder(string owner) => new(owner, "run-1", "host-a", 4242, Now, Now.AddMinutes(30));
}
