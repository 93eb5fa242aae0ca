using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace PerfEval.Infrastructure.Persistence;

/// <summary>Which database faults are worth retrying the whole unit of work for.</summary>
internal static class TransientFaults
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    /// <summary>
    /// The transient error numbers Microsoft.Data.SqlClient's own configurable retry logic retries
    /// (deadlock victim, lock timeout, Azure SQL throttling and failover, broken transport).
    /// Command timeouts (-2) are left out on purpose: the command may still have committed.
    /// </summary>
    private static readonly HashSet<int> SqlServerTransientNumbers =
    [
        1204, 1205, 1222, 49918, 49919, 49920, 4060, 4221, 40143, 40613, 40501, 40540, 40197,
        42108, 42109, 10929, 10928, 10060, 10054, 10053, 997, 233, 64, 20, 0,
    ];

    public static bool IsTransient(Exception exception) => exception switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode is SqliteBusy or SqliteLocked,
        SqlException sql => sql.Errors.Cast<SqlError>().Any(e => SqlServerTransientNumbers.Contains(e.Number)),
        DatabaseUnreachableException => true,
        _ => false,
    };

    public static bool IsTransientSqlServerNumber(int number) => SqlServerTransientNumbers.Contains(number);
}

/// <summary>Opening a connection failed (server down, network, file): retried like any transient fault.</summary>
internal sealed class DatabaseUnreachableException(Exception inner) : Exception("The database could not be reached.", inner);
