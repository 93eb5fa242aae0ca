using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using PerfEval.Application.Common;
using PerfEval.Application.Evaluations;
using SQLitePCL;

namespace PerfEval.Infrastructure.Persistence;

/// <summary>
/// The scorecard stamp, read on every scorecard GET. SQL Server keeps the plan itself, so there it is
/// one more query of the request's unit of work. SQLite compiles a statement anew for every command,
/// which costs several times what running this one does, so there the statement is kept prepared on
/// a few read connections held open for it alone. Each run still reads the latest commit: a run is
/// its own read transaction, ended when the statement is reset.
/// </summary>
internal sealed class ScorecardStamps(ConnectionFactory connections) : IScorecardStamps, IDisposable
{
    private const string Sql = """
        SELECT (SELECT COALESCE(MAX(position), 0) FROM changes WHERE department_code = @DepartmentCode) AS Department,
               (SELECT COALESCE(MAX(position), 0) FROM changes WHERE department_code IS NULL) AS Shared
        """;

    private const string SqlServerSql = """
        SELECT (SELECT COALESCE(CAST(MAX(position) AS BIGINT), 0) FROM changes WHERE department_code = @DepartmentCode) AS Department,
               (SELECT COALESCE(CAST(MAX(position) AS BIGINT), 0) FROM changes WHERE department_code IS NULL) AS Shared
        """;

    /// <summary>SQLite runs the statement synchronously, so no more are in use at once than threads running requests.</summary>
    private static readonly int MaxIdle = Environment.ProcessorCount * 2;

    private readonly ConcurrentQueue<PreparedStamp> _idle = new();

    public async ValueTask<ScorecardCache.Stamp> ReadAsync(DbSession db, string departmentCode, CancellationToken cancellationToken)
    {
        if (connections.Options.Provider == DatabaseProvider.SqlServer)
        {
            return (await db.QuerySingleOrDefaultAsync<ScorecardCache.Stamp>(SqlServerSql, new { DepartmentCode = departmentCode }, cancellationToken))!;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var statement = _idle.TryDequeue(out var idle) ? idle : new PreparedStamp(connections.ConnectionStringFor(UnitOfWorkKind.Read));
        ScorecardCache.Stamp stamp;
        try
        {
            stamp = statement.Read(departmentCode);
        }
        catch
        {
            statement.Dispose(); // a failed connection is not kept; the unit of work's retry gets a fresh one
            throw;
        }

        if (_idle.Count < MaxIdle)
        {
            _idle.Enqueue(statement);
        }
        else
        {
            statement.Dispose();
        }

        return stamp;
    }

    public void Dispose()
    {
        while (_idle.TryDequeue(out var statement))
        {
            statement.Dispose();
        }
    }

    /// <summary>
    /// One read connection with the stamp statement prepared on it, run through SQLite's own calls:
    /// a command and data reader would be allocated around every run, each costing more than the run.
    /// </summary>
    private sealed class PreparedStamp : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly sqlite3_stmt _statement;

        public PreparedStamp(string connectionString)
        {
            _connection = new SqliteConnection(connectionString);
            try
            {
                _connection.Open();
                SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(_connection.Handle, Sql, out _statement), _connection.Handle);
            }
            catch
            {
                _connection.Dispose();
                throw;
            }
        }

        public ScorecardCache.Stamp Read(string departmentCode)
        {
            try
            {
                SqliteException.ThrowExceptionForRC(raw.sqlite3_bind_text(_statement, 1, departmentCode), _connection.Handle);
                var result = raw.sqlite3_step(_statement);
                if (result != raw.SQLITE_ROW)
                {
                    SqliteException.ThrowExceptionForRC(result, _connection.Handle);
                    throw new InvalidOperationException("The stamp query returned no row.");
                }

                return new ScorecardCache.Stamp { Department = raw.sqlite3_column_int64(_statement, 0), Shared = raw.sqlite3_column_int64(_statement, 1) };
            }
            finally
            {
                raw.sqlite3_reset(_statement); // ends the run's read transaction
            }
        }

        public void Dispose()
        {
            _statement.Dispose();
            _connection.Dispose();
        }
    }
}
