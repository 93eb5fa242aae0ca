using Microsoft.Data.Sqlite;
using PerfEval.Infrastructure.Persistence;
using SQLitePCL;

namespace PerfEval.UnitTests.Persistence;

/// <summary>The row writer stores every value exactly as Microsoft.Data.Sqlite (and so Dapper) stores it.</summary>
public sealed class SqliteRowsTests
{
    public static TheoryData<object?> Values => new()
    {
        null,
        42L,
        -7,
        true,
        false,
        "新区财预〔2024〕18号",
        "",
        12.5m,
        10m,
        10.00m,
        -0.01m,
        1_000_000_000_000.00m,
        79_228_162_514_264_337_593_543_950_335m,
        new DateOnly(2024, 6, 30),
        new DateTimeOffset(2026, 11, 21, 23, 5, 7, 123, TimeSpan.Zero).AddTicks(4567),
        new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(8)),
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Bind_StoresTheValueAsTheAdoNetDriverDoes(object? value)
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT typeof(@p), @p";
        command.Parameters.AddWithValue("@p", value ?? DBNull.Value);
        using var reader = command.ExecuteReader();
        reader.Read();

        var db = connection.Handle!;
        Assert.Equal(0, raw.sqlite3_prepare_v2(db, "SELECT typeof(@p), @p", out sqlite3_stmt statement));
        using (statement)
        {
            Assert.Equal(0, SqliteRows.Bind(statement, raw.sqlite3_bind_parameter_index(statement, "@p"), value));
            Assert.Equal(100, raw.sqlite3_step(statement));
            Assert.Equal(reader.GetString(0), raw.sqlite3_column_text(statement, 0).utf8_to_string());
            Assert.Equal(reader.IsDBNull(1) ? null : reader.GetString(1), raw.sqlite3_column_type(statement, 1) == raw.SQLITE_NULL ? null : raw.sqlite3_column_text(statement, 1).utf8_to_string());
        }
    }

    /// <summary>Rows that repeat the previous row's values keep them bound; every row still stores what it holds.</summary>
    [Fact]
    public void ExecuteForEach_WhenRowsRepeatOrChangeValues_StoresEachRowAsTheAdoNetDriverDoes()
    {
        var instant = new DateTimeOffset(2026, 11, 22, 1, 0, 0, TimeSpan.Zero);
        object?[] values =
        [
            "a", "a", "b", null, null, "a", 10m, 10.00m, 10.5m, 7L, 7, 7L,
            instant, instant.ToOffset(TimeSpan.FromHours(8)), instant.ToOffset(TimeSpan.FromHours(8)), instant,
            new DateOnly(2031, 6, 30), new DateOnly(2031, 6, 30), "", "", null,
        ];
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE bound (row INTEGER NOT NULL, value, constant)";
            create.ExecuteNonQuery();
        }

        var rows = values.Select((value, row) => (Row: row, Value: value)).ToList();
        SqliteRows.ExecuteForEach(connection, "INSERT INTO bound (row, value, constant) VALUES (@Row, @Value, @Constant)", rows,
            [("Row", r => (long)r.Row), ("Value", r => r.Value), ("Constant", _ => "same")], CancellationToken.None);

        foreach (var (row, value) in rows)
        {
            using var expected = connection.CreateCommand();
            expected.CommandText = "SELECT typeof(@p), quote(@p)";
            expected.Parameters.AddWithValue("@p", value ?? DBNull.Value);
            using var stored = connection.CreateCommand();
            stored.CommandText = "SELECT typeof(value), quote(value), constant FROM bound WHERE row = @row";
            stored.Parameters.AddWithValue("@row", row);
            using var want = expected.ExecuteReader();
            using var got = stored.ExecuteReader();
            Assert.True(want.Read() && got.Read());
            Assert.Equal((want.GetString(0), want.GetString(1), "same"), (got.GetString(0), got.GetString(1), got.GetString(2)));
        }
    }
}
