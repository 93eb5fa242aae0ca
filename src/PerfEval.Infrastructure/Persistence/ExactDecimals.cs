using System.Globalization;
using Microsoft.Data.Sqlite;

namespace PerfEval.Infrastructure.Persistence;

/// <summary>
/// SQLite has no exact decimal type: amounts are stored as TEXT, and SQLite's own + would go through
/// REAL. <c>dec_add(a, b)</c> adds two stored amounts in .NET decimal arithmetic instead, so a total
/// can still move by <c>SET total = dec_add(total, @delta)</c> inside the database.
/// </summary>
internal static class ExactDecimals
{
    public static void Register(SqliteConnection connection) =>
        connection.CreateFunction<string?, string?, string?>("dec_add", Add, isDeterministic: true);

    private static string? Add(string? left, string? right) =>
        left is null || right is null
            ? null
            : (Parse(left) + Parse(right)).ToString(CultureInfo.InvariantCulture);

    private static decimal Parse(string value) => decimal.Parse(value, NumberStyles.Number, CultureInfo.InvariantCulture);
}
