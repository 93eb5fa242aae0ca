using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using PerfEval.Application.Common;

namespace PerfEval.Infrastructure.Persistence;

/// <summary>Opens connections for the configured provider; queries go to the read connection when one is configured.</summary>
public sealed class ConnectionFactory
{
    private readonly string _write;
    private readonly string _read;

    public ConnectionFactory(DatabaseOptions options)
    {
        Options = options;
        Dialect = options.Provider == DatabaseProvider.SqlServer ? SqlServerDialect.Instance : SqliteDialect.Instance;
        if (options.Provider == DatabaseProvider.SqlServer)
        {
            _write = options.ConnectionString is { Length: > 0 } cs
                ? cs
                : throw new InvalidOperationException("Database:ConnectionString is required when Database:Provider is SqlServer.");
            _read = options.ReadConnectionString is { Length: > 0 } read ? read : _write;
        }
        else
        {
            // A second SQLite file as the "secondary" exists only so the routing can be tested without a server.
            // Reads write nothing, so their connections leave foreign keys off: SQLite would otherwise run
            // the PRAGMA that turns them on at every open, pooled connections included.
            _write = SqliteConnectionString(options, options.ConnectionString, foreignKeys: true);
            _read = SqliteConnectionString(options, options.ReadConnectionString is { Length: > 0 } read ? read : options.ConnectionString, foreignKeys: null);
        }

        HasReadReplica = options.ReadConnectionString is { Length: > 0 } readReplica && readReplica != options.ConnectionString;
    }

    public DatabaseOptions Options { get; }

    public ISqlDialect Dialect { get; }

    /// <summary>True when queries are routed to a separate read connection string.</summary>
    public bool HasReadReplica { get; }

    public string ConnectionStringFor(UnitOfWorkKind kind) => kind == UnitOfWorkKind.Read ? _read : _write;

    public async Task<DbConnection> OpenAsync(UnitOfWorkKind kind, CancellationToken cancellationToken)
    {
        DbConnection connection = Options.Provider == DatabaseProvider.SqlServer
            ? new SqlConnection(ConnectionStringFor(kind))
            : new SqliteConnection(ConnectionStringFor(kind));
        try
        {
            await connection.OpenAsync(cancellationToken);
            // Writers wait for each other inside SQLite (busy_timeout) and move totals with dec_add;
            // WAL readers never wait for a writer, so a read unit needs neither. Checkpoints run in
            // the background (WalCheckpoints); a commit checkpoints only past the backstop.
            if (kind == UnitOfWorkKind.Write && connection is SqliteConnection sqlite)
            {
                ExactDecimals.Register(sqlite);
                await using var pragma = connection.CreateCommand();
                pragma.CommandText = $"PRAGMA busy_timeout = {Options.CommandTimeoutSeconds * 1000}; PRAGMA wal_autocheckpoint = {WalCheckpoints.BackstopPages};";
                await pragma.ExecuteNonQueryAsync(cancellationToken);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static string SqliteConnectionString(DatabaseOptions options, string? connectionString, bool? foreignKeys)
    {
        var builder = connectionString is { Length: > 0 } cs
            ? new SqliteConnectionStringBuilder(cs)
            : new SqliteConnectionStringBuilder { DataSource = Path.Combine(Path.GetFullPath(options.DataFolder), "perfeval.db") };
        builder.ForeignKeys = foreignKeys;
        builder.Pooling = true;
        builder.DefaultTimeout = options.CommandTimeoutSeconds;
        builder.Mode = SqliteOpenMode.ReadWriteCreate;
        var folder = Path.GetDirectoryName(builder.DataSource);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        return builder.ToString();
    }
}
