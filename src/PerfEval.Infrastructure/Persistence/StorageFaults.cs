using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace PerfEval.Infrastructure.Persistence;

/// <summary>
/// The database's storage cannot take the write: the disk (or the SQL Server file or log) is full,
/// the file or its folder is read-only, cannot be opened, or fails I/O. Not a fault of the request
/// and not worth retrying at once: the service answers 503 with Retry-After until an operator
/// frees space or fixes the folder.
/// </summary>
public static class StorageFaults
{
    private const int SqliteReadOnly = 8;
    private const int SqliteIoError = 10;
    private const int SqliteFull = 13;
    private const int SqliteCantOpen = 14;

    /// <summary>SQL Server: filegroup full (1105), log full (9002), database read-only (3906).</summary>
    private static readonly HashSet<int> SqlServerStorageNumbers = [1105, 9002, 3906];

    public static bool IsStorageFault(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            var fault = e switch
            {
                // Extended codes (SQLITE_IOERR_WRITE, SQLITE_READONLY_DBMOVED …) keep the primary code in their low byte.
                SqliteException sqlite => (sqlite.SqliteErrorCode & 0xFF) is SqliteReadOnly or SqliteIoError or SqliteFull or SqliteCantOpen,
                SqlException sql => sql.Errors.Cast<SqlError>().Any(error => SqlServerStorageNumbers.Contains(error.Number)),
                _ => false,
            };
            if (fault)
            {
                return true;
            }
        }

        return false;
    }
}
