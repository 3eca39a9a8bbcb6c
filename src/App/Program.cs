using App.Configuration;
using App.Data;
using App.Faults;
using App.Health;
using App.Hosting;
using App.Migrating;
using App.Notes;
using App.Versioning;

if (args is ["migrate", .. var migrateArgs])
{
    return await MigrateCommand.RunProcessAsync(migrateArgs);
}

try
{
    var builder = WebApplication.CreateBuilder(args);

    builder.Logging.ClearProviders();
    builder.Logging.AddJsonConsole(options =>
    {
        options.UseUtcTimestamp = true;
        options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
    });

    builder.Services.AddShutdownTimeout();
    builder.Services.AddProblemDetails();
    builder.Services.AddExceptionHandler<DatabaseUnavailableHandler>();
    // Resolved from configuration on first use, so settings added by tests or hosts after this line still count.
    builder.Services.AddSingleton(provider => DatabaseSettings.FromConfiguration(provider.GetRequiredService<IConfiguration>()));
    builder.Services.AddSingleton(provider => VersionInfo.FromConfiguration(provider.GetRequiredService<IConfiguration>(), AssemblyStamp.Of(typeof(Program).Assembly)));
    builder.Services.AddSingleton<Database>();
    builder.Services.AddSingleton<NoteStore>();
    builder.Services.AddSingleton(SchemaRequirement.FromEmbeddedScripts());
    builder.Services.AddReadinessChecks();

    var app = builder.Build();

    app.UseFaultWhenSet();
    app.UseExceptionHandler();
    app.UseStatusCodePages();
    app.MapHealth();
    app.MapVersion();
    app.MapNotes();
    app.MapShutdownProbeWhenEnabled();

    app.LogLifecycle();
    await app.RunAsync();
    return 0;
}
catch (InvalidSettingException e)
{
    await Console.Error.WriteLineAsync($"Invalid configuration: {e.Message}");
    return 2;
}

/// <summary>Public so tests can host the service with WebApplicationFactory.</summary>
public partial class Program;
