using System.Globalization;

namespace App.Migrating;

/// <summary>The options of <c>App migrate</c>; anything else is a <see cref="MigrationUsageException"/> before a connection is opened.</summary>
public sealed record MigrateOptions(MigrateMode Mode, long? Target, string? MigrationsDirectory, string? ReportFile, TimeSpan LockTimeout)
{
    public const string Usage =
        "usage: App migrate [--plan | --validate | --check-compatibility] [--target <version>] [--migrations <folder>] "
        + "[--report <file.json>] [--lock-timeout <seconds>]   (the database comes from DATABASE_URL)";

    public static readonly TimeSpan DefaultLockTimeout = TimeSpan.FromMinutes(5);

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
                "--target" => options with { Target = ParseVersion(Value()) },
                "--migrations" => options with { MigrationsDirectory = Value() },
                "--report" => options with { ReportFile = Value() },
                "--lock-timeout" => options with { LockTimeout = ParseSeconds(Value()) },
                var unknown => throw new MigrationUsageException($"unknown option '{unknown}'; {Usage}"),
            };
            modes += args[i] is "--plan" or "--validate" or "--check-compatibility" ? 1 : 0;
        }

        return modes <= 1 ? options : throw new MigrationUsageException($"--plan, --validate and --check-compatibility exclude each other; {Usage}");
    }

    // "V3" as in the file name, or plain "3".
    private static long ParseVersion(string text) =>
        long.TryParse(text.TrimStart('V', 'v'), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : throw new MigrationUsageException($"--target '{text}' is not a version such as V3 or 3");

    private static TimeSpan ParseSeconds(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : throw new MigrationUsageException($"--lock-timeout '{text}' is not a whole number of seconds");
}
