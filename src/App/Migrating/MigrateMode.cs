namespace App.Migrating;

/// <summary>What a run of the migrate command does.</summary>
public enum MigrateMode
{
    /// <summary>Apply the pending scripts.</summary>
    Migrate,

    /// <summary>List the pending scripts; apply nothing.</summary>
    Plan,

    /// <summary>Check the scripts against the history; apply nothing.</summary>
    Validate,

    /// <summary>Apply the pending scripts to a throwaway copy of the schema and report what would break the serving version.</summary>
    CheckCompatibility,
}
