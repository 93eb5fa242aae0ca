namespace PerfEval.Infrastructure.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Sqlite (default, embedded, zero set-up) or SqlServer.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>SQLite only: the folder the database file <c>perfeval.db</c> is created in.</summary>
    public string DataFolder { get; set; } = "data";

    /// <summary>SQL Server: the primary's connection string (commands and reads that must be current). SQLite: optional full connection string overriding <see cref="DataFolder"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Optional: where queries go. SQL Server: a readable secondary (<c>ApplicationIntent=ReadOnly</c>). SQLite: another file, for tests only.</summary>
    public string? ReadConnectionString { get; set; }

    /// <summary>Apply pending migrations at start-up. Turn off where a separate <c>migrate</c> job runs them.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    public int CommandTimeoutSeconds { get; set; } = 30;

    /// <summary>How often a unit of work is retried on a transient fault before the service answers 503.</summary>
    public int MaxRetryAttempts { get; set; } = 4;
}
