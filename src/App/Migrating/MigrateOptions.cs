using System.Globalization;
using App.Configuration;

namespace App.Migrating;

/// <summary>The options of <c>App migrate</c>; anything else is a <see cref="MigrationUsageException"/> before a connection is opened.</summary>
public sealed record MigrateOptions(MigrateMode Mode, long? Target, string? MigrationsDirectory, string? ReportFile, TimeSpan LockTimeout)
{
    public const string Usage =
        "usage: App migrate [--plan | --validate | --check-compatibility] [--check] [--check-lock-timeout <seconds>] [--target <version>] "
        + "[--migrations <folder>] [--report <file.json>] [--lock-timeout <seconds>] [--require-host <host[:port]>]   "
        + "(the database comes from DATABASE_URL, its host from DATABASE_HOST when set)";

    public static readonly TimeSpan DefaultLockTimeout = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Short: while the check waits for a table lock, the serving version's queries on that table queue behind it, so
    /// it gives up quickly instead (the migration after it waits for its locks as long as it takes).
    /// </summary>
    public static readonly TimeSpan DefaultCheckLockTimeout = TimeSpan.FromSeconds(5);

    /// <summary>With <c>--check</c>: run the pending scripts in a rolled-back transaction first, and stop if they break the serving version.</summary>
    public bool Check { get; init; }

    public TimeSpan CheckLockTimeout { get; init; } = DefaultCheckLockTimeout;

    /// <summary>
    /// With <c>--require-host</c>: connect only if the database is on this host (and port). A recovery drill passes its
    /// scratch instance, so a release that ignores DATABASE_HOST stops instead of migrating the live database; one built
    /// before the option existed stops too, at the unknown option.
    /// </summary>
    public DatabaseHost? RequiredHost { get; init; }

    public static MigrateOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new MigrateOptions(MigrateMode.Migrate, null, null, null, DefaultLockTimeout);
        var modes = 0;
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new MigrationUsageException($"{args[i]} needs a value; {Usage}");
            options = args[i] switch
            {
                "--plan" => options with { Mode = MigrateMode.Plan },
                "--validate" => options with { Mode = MigrateMode.Validate },
                "--check-compatibility" => options with { Mode = MigrateMode.CheckCompatibility },
                "--check" => options with { Check = true },
                "--check-lock-timeout" => options with { CheckLockTimeout = ParseSeconds("--check-lock-timeout", Value(), minimum: 1) },
                "--target" => options with { Target = ParseVersion(Value()) },
                "--migrations" => options with { MigrationsDirectory = Value() },
                "--report" => options with { ReportFile = Value() },
                "--lock-timeout" => options with { LockTimeout = ParseSeconds("--lock-timeout", Value(), minimum: 0) },
                "--require-host" => options with { RequiredHost = ParseHost(Value()) },
                var unknown => throw new MigrationUsageException($"unknown option '{unknown}'; {Usage}"),
            };
            modes += args[i] is "--plan" or "--validate" or "--check-compatibility" ? 1 : 0;
        }

        if (modes > 1)
        {
            throw new MigrationUsageException($"--plan, --validate and --check-compatibility exclude each other; {Usage}");
        }

        return !options.Check || options.Mode is MigrateMode.Migrate or MigrateMode.Plan
            ? options
            : throw new MigrationUsageException($"--check goes with migrate or --plan, not with --validate or --check-compatibility; {Usage}");
    }

    // "V3" as in the file name, or plain "3".
    private static long ParseVersion(string text) =>
        long.TryParse(text.TrimStart('V', 'v'), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : throw new MigrationUsageException($"--target '{text}' is not a version such as V3 or 3");

    private static DatabaseHost ParseHost(string text) =>
        DatabaseHost.TryParse(text, out var host, out var problem)
            ? host
            : throw new MigrationUsageException($"--require-host is invalid: {problem}");

    // A lock_timeout of 0 would mean "wait for ever" to PostgreSQL, the opposite of what --check-lock-timeout is for.
    private static TimeSpan ParseSeconds(string option, string text, int minimum) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds >= minimum
            ? TimeSpan.FromSeconds(seconds)
            : throw new MigrationUsageException($"{option} '{text}' is not a whole number of seconds" + (minimum > 0 ? $" of at least {minimum}" : ""));
}
