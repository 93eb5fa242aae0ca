using System.Data.Common;
using Dapper;

namespace PerfEval.Application.Common;

/// <summary>
/// SQL is written once, in the dialect shared by SQLite and SQL Server, with two SQLite spellings
/// that each dialect maps: <c>LIMIT @p</c> at the end of a query and <c>RETURNING id</c> after an INSERT.
/// </summary>
public interface ISqlDialect
{
    /// <summary>The database system as OpenTelemetry names it (<c>db.system.name</c>: sqlite, microsoft.sql_server); for telemetry, never branched on.</summary>
    string Name { get; }

    /// <summary>
    /// One writer at a time (SQLite): the rows a transaction inserts take the next ids, in order, so
    /// they are known without reading them back. SQL Server interleaves identities between writers.
    /// </summary>
    bool AssignsIdsInInsertOrder { get; }

    /// <summary>
    /// The ledger's change-feed rows are written by a trigger once per statement (SQL Server); SQLite's
    /// triggers fire per row, so there a batch records them itself, with one statement.
    /// </summary>
    bool RecordsLedgerAppendsByTrigger { get; }

    /// <summary>
    /// Change-feed positions can commit out of order (SQL Server's rowversion across concurrent
    /// transactions): a reader must stop below the oldest uncommitted one. SQLite commits in order.
    /// </summary>
    bool PositionsCommitOutOfOrder { get; }

    /// <summary>UTF-8 bytes can be stored into a text column as they are (SQLite: a blob cast to TEXT); SQL Server takes a string.</summary>
    bool StoresUtf8AsText { get; }

    string Translate(string sql);

    /// <summary>A unique or primary key violation, which this provider reports by its own error number.</summary>
    bool IsUniqueViolation(System.Data.Common.DbException exception);

    /// <summary>Binds a date the way this provider stores it (SQLite: <c>yyyy-MM-dd</c> text; SQL Server: DATE).</summary>
    void BindDate(DbParameter parameter, DateOnly date);

    /// <summary>
    /// Runs one statement (already translated) once per row, in the transaction, preparing it once:
    /// for thousands of rows the per-statement and per-parameter work of a command per row is most
    /// of the cost. Values are stored as the provider's ADO.NET driver stores them.
    /// </summary>
    Task ExecuteForEachAsync<T>(DbConnection connection, DbTransaction? transaction, string sql, IReadOnlyList<T> rows, IReadOnlyList<(string Name, Func<T, object?> Value)> parameters, CancellationToken ct);
}

/// <summary>Runs one unit of work: a fresh connection (and, for writes, one transaction), retried as a whole on transient faults.</summary>
public interface IUnitOfWork
{
    /// <summary>Attaches a fresh connection (and transaction, for writes) to <paramref name="session"/> and runs <paramref name="work"/> in it.</summary>
    Task<T> RunAsync<T>(UnitOfWorkKind kind, DbSession session, Func<Task<T>> work, CancellationToken cancellationToken);
}

public enum UnitOfWorkKind
{
    Read,
    Write,
}

/// <summary>
/// The connection and transaction of the unit of work the current request runs in. A write unit's
/// connection is open from its start; a read unit's is opened by its first statement, so a read
/// answered without the database (from a cache) opens none.
/// </summary>
public sealed class DbSession
{
    private DbConnection? _connection;
    private Func<CancellationToken, Task<DbConnection>>? _open;

    public DbTransaction? Transaction { get; private set; }

    public ISqlDialect Dialect { get; private set; } = null!;

    /// <summary>True while a write unit's transaction is attached: a request sent now joins it.</summary>
    public bool InWriteUnit => Transaction is not null;

    /// <summary>The unit's connection once open; null while a read unit has run no statement.</summary>
    public DbConnection? OpenConnection => _connection;

    public void Attach(DbConnection connection, DbTransaction? transaction, ISqlDialect dialect)
    {
        _connection = connection;
        _open = null;
        Transaction = transaction;
        Dialect = dialect;
    }

    /// <summary>The unit is over: its connection and transaction are no longer this session's.</summary>
    public void Detach()
    {
        _connection = null;
        _open = null;
        Transaction = null;
    }

    /// <summary>A read unit: <paramref name="open"/> runs with the unit's first statement.</summary>
    public void AttachOnFirstUse(Func<CancellationToken, Task<DbConnection>> open, ISqlDialect dialect)
    {
        _connection = null;
        _open = open;
        Transaction = null;
        Dialect = dialect;
    }

    public async Task<IEnumerable<T>> QueryAsync<T>(string sql, object? parameters, CancellationToken ct)
    {
        using var span = Telemetry.StartCommand(sql, Dialect.Name);
        return await (await ConnectionAsync(ct)).QueryAsync<T>(Command(sql, parameters, ct));
    }

    public async Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? parameters, CancellationToken ct)
    {
        using var span = Telemetry.StartCommand(sql, Dialect.Name);
        return await (await ConnectionAsync(ct)).QuerySingleOrDefaultAsync<T>(Command(sql, parameters, ct));
    }

    public async Task<T?> ExecuteScalarAsync<T>(string sql, object? parameters, CancellationToken ct)
    {
        using var span = Telemetry.StartCommand(sql, Dialect.Name);
        return await (await ConnectionAsync(ct)).ExecuteScalarAsync<T>(Command(sql, parameters, ct));
    }

    public async Task<int> ExecuteAsync(string sql, object? parameters, CancellationToken ct)
    {
        using var span = Telemetry.StartCommand(sql, Dialect.Name);
        return await (await ConnectionAsync(ct)).ExecuteAsync(Command(sql, parameters, ct));
    }

    /// <summary>
    /// Reads rows with a hand-written mapping by column ordinal: for the bulk reads of a rebuild
    /// (a year's lines and indicators), where mapping by name and converting each value through its
    /// type costs more than the database does.
    /// </summary>
    public async Task<List<T>> ReadAsync<T>(string sql, object? parameters, Func<DbDataReader, T> row, CancellationToken ct)
    {
        var rows = new List<T>();
        await using var reader = await (await ConnectionAsync(ct)).ExecuteReaderAsync(Command(sql, parameters, ct));
        while (await reader.ReadAsync(ct))
        {
            rows.Add(row(reader));
        }

        return rows;
    }

    private async ValueTask<DbConnection> ConnectionAsync(CancellationToken ct) =>
        _connection ??= await (_open ?? throw new InvalidOperationException("No unit of work is running."))(ct);

    /// <summary>Runs one statement once per row, prepared once (see <see cref="ISqlDialect.ExecuteForEachAsync"/>).</summary>
    public async Task ExecuteForEachAsync<T>(string sql, IReadOnlyList<T> rows, IReadOnlyList<(string Name, Func<T, object?> Value)> parameters, CancellationToken ct) =>
        await Dialect.ExecuteForEachAsync(await ConnectionAsync(ct), Transaction, Dialect.Translate(sql), rows, parameters, ct);

    private CommandDefinition Command(string sql, object? parameters, CancellationToken ct) =>
        new(Dialect.Translate(sql), parameters, Transaction, cancellationToken: ct);
}
