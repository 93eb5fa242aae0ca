using System.Collections.Concurrent;
using System.Data;
using Microsoft.Data.Sqlite;
using PerfEval.Application.Common;
using PerfEval.Application.Evaluations;

namespace PerfEval.Infrastructure.Persistence;

/// <summary>
/// The scorecard stamp, read on every scorecard GET. SQL Server keeps the plan itself, so there it is
/// one more query of the request's unit of work. SQLite compiles a statement anew for every command,
/// which costs several times what running this one does, so there the statement is kept prepared on
/// a few read connections held open for it alone. Each run still reads the latest commit: a run is
/// its own read transaction, ended when its reader is disposed.
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

    private readonly ConcurrentBag<PreparedStamp> _idle = [];

    public async ValueTask<ScorecardCache.Stamp> ReadAsync(DbSession db, string departmentCode, CancellationToken cancellationToken)
    {
        if (connections.Options.Provider == DatabaseProvider.SqlServer)
        {
            return (await db.QuerySingleOrDefaultAsync<ScorecardCache.Stamp>(SqlServerSql, new { DepartmentCode = departmentCode }, cancellationToken))!;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var statement = _idle.TryTake(out var idle) ? idle : new PreparedStamp(connections.ConnectionStringFor(UnitOfWorkKind.Read));
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
            _idle.Add(statement);
        }
        else
        {
            statement.Dispose();
        }

        return stamp;
    }

    public void Dispose()
    {
        while (_idle.TryTake(out var statement))
        {
            statement.Dispose();
        }
    }

    /// <summary>One read connection with the stamp statement prepared on it (raw ADO.NET: Dapper would create, and so compile, a new command each time).</summary>
    private sealed class PreparedStamp : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly SqliteCommand _command;
        private readonly SqliteParameter _departmentCode;

        public PreparedStamp(string connectionString)
        {
            _connection = new SqliteConnection(connectionString);
            try
            {
                _connection.Open();
                _command = _connection.CreateCommand();
                _command.CommandText = Sql;
                _departmentCode = _command.Parameters.Add("@DepartmentCode", SqliteType.Text);
                _command.Prepare();
            }
            catch
            {
                _connection.Dispose();
                throw;
            }
        }

        public ScorecardCache.Stamp Read(string departmentCode)
        {
            _departmentCode.Value = departmentCode;
            using var reader = _command.ExecuteReader(CommandBehavior.SingleRow);
            reader.Read();
            return new ScorecardCache.Stamp { Department = reader.GetInt64(0), Shared = reader.GetInt64(1) };
        }

        public void Dispose()
        {
            _command.Dispose();
            _connection.Dispose();
        }
    }
}
