using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Text.RegularExpressions;
using PerfEval.Application.Common;

namespace PerfEval.Infrastructure.Persistence;

internal sealed class SqliteDialect : ISqlDialect
{
    public static readonly SqliteDialect Instance = new();

    public string Name => "Sqlite";

    public string Translate(string sql) => sql;

    public bool IsUniqueViolation(System.Data.Common.DbException exception) => UniqueViolation.Is(exception);

    public void BindDate(DbParameter parameter, DateOnly date) => parameter.Value = date;
}

/// <summary>
/// Maps the SQLite spellings the shared SQL uses onto T-SQL: <c>LIMIT @p</c>, <c>RETURNING id</c> (one row),
/// and <c>dec_add(a, b)</c> (exact decimal addition, which SQL Server's DECIMAL does natively).
/// </summary>
internal sealed partial class SqlServerDialect : ISqlDialect
{
    public static readonly SqlServerDialect Instance = new();

    private readonly ConcurrentDictionary<string, string> _translated = new(StringComparer.Ordinal);

    public string Name => "SqlServer";

    public bool IsUniqueViolation(System.Data.Common.DbException exception) => UniqueViolation.Is(exception);

    /// <summary>SqlClient 2.1 predates <see cref="DateOnly"/>: a date travels as a <see cref="DateTime"/> typed DATE.</summary>
    public void BindDate(DbParameter parameter, DateOnly date)
    {
        parameter.DbType = DbType.Date;
        parameter.Value = date.ToDateTime(TimeOnly.MinValue);
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
        return Limit().Replace(s, "OFFSET 0 ROWS FETCH NEXT ${parameter} ROWS ONLY");
    });

    [GeneratedRegex(@"\s+RETURNING\s+(?<column>\w+)\s*;?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Returning();

    [GeneratedRegex(@"\bdec_add\(\s*(?<left>[@\w.]+)\s*,\s*(?<right>[@\w.]+)\s*\)")]
    private static partial Regex DecimalAdd();

    [GeneratedRegex(@"\bLIMIT\s+(?<parameter>@\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex Limit();
}
