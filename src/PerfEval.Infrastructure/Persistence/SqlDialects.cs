using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using PerfEval.Application.Common;

namespace PerfEval.Infrastructure.Persistence;

internal sealed class SqliteDialect : ISqlDialect
{
    public static readonly SqliteDialect Instance = new();

    public string Name => "Sqlite";

    public string Translate(string sql) => sql;
}

/// <summary>
/// Maps the SQLite spellings the shared SQL uses onto T-SQL: <c>LIMIT @p</c>, <c>RETURNING col</c>,
/// and <c>dec_add(a, b)</c> (exact decimal addition, which SQL Server's DECIMAL does natively).
/// </summary>
internal sealed partial class SqlServerDialect : ISqlDialect
{
    public static readonly SqlServerDialect Instance = new();

    private readonly ConcurrentDictionary<string, string> _translated = new(StringComparer.Ordinal);

    public string Name => "SqlServer";

    public string Translate(string sql) => _translated.GetOrAdd(sql, static s =>
    {
        var returning = Returning().Match(s);
        if (returning.Success)
        {
            var withoutReturning = s[..returning.Index];
            var values = ValuesKeyword().Match(withoutReturning);
            s = withoutReturning[..values.Index] + $"OUTPUT INSERTED.{returning.Groups["column"].Value} " + withoutReturning[values.Index..];
        }

        s = DecimalAdd().Replace(s, "(${left} + ${right})");
        return Limit().Replace(s, "OFFSET 0 ROWS FETCH NEXT ${parameter} ROWS ONLY");
    });

    [GeneratedRegex(@"\s+RETURNING\s+(?<column>\w+)\s*;?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Returning();

    [GeneratedRegex(@"\b(VALUES|SELECT)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ValuesKeyword();

    [GeneratedRegex(@"\bdec_add\(\s*(?<left>[@\w.]+)\s*,\s*(?<right>[@\w.]+)\s*\)")]
    private static partial Regex DecimalAdd();

    [GeneratedRegex(@"\bLIMIT\s+(?<parameter>@\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex Limit();
}
