using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace PerfEval.Infrastructure.Persistence;

/// <summary>
/// One statement run for many rows through SQLite's C API on the connection's own handle (so inside
/// its open transaction). Values are written as text exactly as Microsoft.Data.Sqlite writes them,
/// so rows written here and rows written through Dapper read and compare alike.
/// </summary>
internal static class SqliteRows
{
    private const int Done = 101;

    public static void ExecuteForEach<T>(SqliteConnection connection, string sql, IReadOnlyList<T> rows, IReadOnlyList<(string Name, Func<T, object?> Value)> parameters, CancellationToken ct)
    {
        var db = connection.Handle!;
        SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(db, sql, out sqlite3_stmt statement), db);
        using (statement)
        {
            var indexes = new int[parameters.Count];
            for (var i = 0; i < indexes.Length; i++)
            {
                indexes[i] = raw.sqlite3_bind_parameter_index(statement, "@" + parameters[i].Name);
                if (indexes[i] == 0)
                {
                    throw new InvalidOperationException($"The statement has no parameter @{parameters[i].Name}.");
                }
            }

            // A value stays bound across rows (sqlite3_reset keeps bindings): one the previous row
            // bound too (the batch's client, time, department, document…) is not converted again.
            var bound = new object?[parameters.Count];
            var first = true;
            foreach (var row in rows)
            {
                ct.ThrowIfCancellationRequested();
                for (var i = 0; i < indexes.Length; i++)
                {
                    var value = parameters[i].Value(row);
                    if (first || !WritesTheSameText(bound[i], value))
                    {
                        SqliteException.ThrowExceptionForRC(Bind(statement, indexes[i], value), db);
                        bound[i] = value;
                    }
                }

                first = false;

                var result = raw.sqlite3_step(statement);
                raw.sqlite3_reset(statement);
                if (result != Done)
                {
                    SqliteException.ThrowExceptionForRC(result, db);
                }
            }
        }
    }

    /// <summary>
    /// Whether two values are written alike. Equal decimals are (their text drops trailing zeros);
    /// equal instants are not when their offsets differ, so those must match exactly.
    /// </summary>
    internal static bool WritesTheSameText(object? bound, object? value) => (bound, value) switch
    {
        (null, null) => true,
        (DateTimeOffset a, DateTimeOffset b) => a.EqualsExact(b),
        (string a, string b) => string.Equals(a, b, StringComparison.Ordinal),
        ({ } a, { } b) => a.GetType() == b.GetType() && a.Equals(b),
        _ => false,
    };

    /// <summary>The text forms are Microsoft.Data.Sqlite's (a test holds them to it).</summary>
    internal static int Bind(sqlite3_stmt statement, int index, object? value) => value switch
    {
        null => raw.sqlite3_bind_null(statement, index),
        long number => raw.sqlite3_bind_int64(statement, index, number),
        int number => raw.sqlite3_bind_int64(statement, index, number),
        bool flag => raw.sqlite3_bind_int64(statement, index, flag ? 1 : 0),
        string text => raw.sqlite3_bind_text(statement, index, text),
        decimal amount => raw.sqlite3_bind_text(statement, index, amount.ToString("0.0###########################", CultureInfo.InvariantCulture)),
        DateOnly date => raw.sqlite3_bind_text(statement, index, date.ToString(@"yyyy\-MM\-dd", CultureInfo.InvariantCulture)),
        DateTimeOffset instant => raw.sqlite3_bind_text(statement, index, instant.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFFzzz", CultureInfo.InvariantCulture)),
        _ => throw new NotSupportedException($"A {value.GetType().Name} is not written by the row writer."),
    };
}
