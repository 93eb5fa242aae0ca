using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using PerfEval.Application.Common;

namespace PerfEval.Infrastructure.Persistence;

internal sealed class SqliteDialect : ISqlDialect
{
    public static readonly SqliteDialect Instance = new();

    public string Name => "sqlite";

    public bool AssignsIdsInInsertOrder => true;

    public bool RecordsLedgerAppendsByTrigger => false;

    public bool PositionsCommitOutOfOrder => false;

    public bool StoresUtf8AsText => true;

    public string Translate(string sql) => sql;

    public bool IsUniqueViolation(System.Data.Common.DbException exception) => UniqueViolation.Is(exception);

    public void BindDate(DbParameter parameter, DateOnly date) => parameter.Value = date;

    /// <summary>
    /// Through SQLite's own API: the statement is prepared once and each parameter's index looked up
    /// once, where the ADO.NET driver looks every parameter up by name on every execution (for a
    /// 10,000-row batch, more time than SQLite spends writing the rows).
    /// </summary>
    public Task ExecuteForEachAsync<T>(DbConnection connection, DbTransaction? transaction, string sql, IReadOnlyList<T> rows, IReadOnlyList<(string Name, Func<T, object?> Value)> parameters, CancellationToken ct)
    {
        SqliteRows.ExecuteForEach((SqliteConnection)connection, sql, rows, parameters, ct);
        return Task.CompletedTask;
    }
}

/// <summary>
/// Maps the SQLite spellings the shared SQL uses onto T-SQL: <c>LIMIT @p</c>, <c>RETURNING id</c> (one row),
/// <c>dec_add(a, b)</c> (exact decimal addition, which SQL Server's DECIMAL does natively), and the
/// marker <c>/*FOR UPDATE*/</c> after a table: SQLite's one writer already excludes every other, while
/// SQL Server takes update and range locks there (<c>WITH (UPDLOCK, HOLDLOCK)</c>), so rows read to be
/// rewritten, and rows not there yet, stay as read until the transaction ends.
/// </summary>
internal sealed partial class SqlServerDialect : ISqlDialect
{
    public static readonly SqlServerDialect Instance = new();

    private readonly ConcurrentDictionary<string, string> _translated = new(StringComparer.Ordinal);

    public string Name => "microsoft.sql_server";

    public bool AssignsIdsInInsertOrder => false;

    public bool RecordsLedgerAppendsByTrigger => true;

    public bool PositionsCommitOutOfOrder => true;

    public bool StoresUtf8AsText => false;

    public bool IsUniqueViolation(System.Data.Common.DbException exception) => UniqueViolation.Is(exception);

    /// <summary>A date travels as a <see cref="DateTime"/> typed DATE, one plan whatever the driver's own mapping of <see cref="DateOnly"/>.</summary>
    public void BindDate(DbParameter parameter, DateOnly date)
    {
        parameter.DbType = DbType.Date;
        parameter.Value = date.ToDateTime(TimeOnly.MinValue);
    }

    public async Task ExecuteForEachAsync<T>(DbConnection connection, DbTransaction? transaction, string sql, IReadOnlyList<T> rows, IReadOnlyList<(string Name, Func<T, object?> Value)> parameters, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        var bound = new DbParameter[parameters.Count];
        for (var i = 0; i < bound.Length; i++)
        {
            bound[i] = command.CreateParameter();
            bound[i].ParameterName = "@" + parameters[i].Name;
            command.Parameters.Add(bound[i]);
        }

        foreach (var row in rows)
        {
            for (var i = 0; i < bound.Length; i++)
            {
                Bind(bound[i], parameters[i].Value(row));
            }

            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>As Dapper binds: dates as DATE, times in UTC, and one declared size for short text so one plan is reused.</summary>
    private void Bind(DbParameter parameter, object? value)
    {
        switch (value)
        {
            case null:
                parameter.Value = DBNull.Value;
                break;
            case DateOnly date:
                BindDate(parameter, date);
                break;
            case DateTimeOffset instant:
                parameter.Value = instant.ToUniversalTime();
                break;
            case string text:
                parameter.Size = Math.Max(text.Length, 4000);
                parameter.Value = text;
                break;
            default:
                parameter.Value = value;
                break;
        }
    }

    public string Translate(string sql) => _translated.GetOrAdd(sql, static s =>
    {
        // SCOPE_IDENTITY, not OUTPUT: the change feed's triggers forbid a bare OUTPUT clause.
        var returning = Returning().Match(s);
        if (returning.Success)
        {
            s = s[..returning.Index] + ";\nSELECT CAST(SCOPE_IDENTITY() AS BIGINT)";
        }

        s = DecimalAdd().Replace(s, "(${left} + ${right})");
        s = s.Replace(ForUpdate, "WITH (UPDLOCK, HOLDLOCK)", StringComparison.Ordinal);
        return Limit().Replace(s, "OFFSET 0 ROWS FETCH NEXT ${parameter} ROWS ONLY");
    });

    private const string ForUpdate = "/*FOR UPDATE*/";

    [GeneratedRegex(@"\s+RETURNING\s+(?<column>\w+)\s*;?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Returning();

    [GeneratedRegex(@"\bdec_add\(\s*(?<left>[@\w.]+)\s*,\s*(?<right>[@\w.]+)\s*\)")]
    private static partial Regex DecimalAdd();

    [GeneratedRegex(@"\bLIMIT\s+(?<parameter>@\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex Limit();
}
