using TestSupport;

namespace App.Tests;

/// <summary>The shared launcher's start-up failure: a service that exits before it listens is reported with what it printed.</summary>
public sealed class ServiceProcessTests
{
    [Fact]
    public async Task A_service_that_exits_before_listening_fails_the_start_with_its_exit_code_and_output()
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => ServiceProcess.StartListeningAsync(new Dictionary<string, string>
        {
            ["DATABASE_URL"] = "mysql://notes@db.example.com/notes",
        }));

        Assert.StartsWith("The service exited with code 2 before listening:\n", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Invalid configuration: DATABASE_URL is invalid", failure.Message, StringComparison.Ordinal);
    }
}
