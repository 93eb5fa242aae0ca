using System.Reflection;
using Microsoft.Data.Sqlite;
using PerfEval.Infrastructure.Persistence;

namespace PerfEval.UnitTests.Persistence;

/// <summary>
/// Every SQL statement the service runs, and the data generator's own: the <c>const string …Sql</c>
/// fields next to the code that runs them.
/// </summary>
public static class SqlCatalog
{
    public static IEnumerable<(string Name, string Sql)> Statements() =>
        new[] { typeof(PerfEval.Application.DependencyInjection).Assembly, typeof(MigrationRunner).Assembly, typeof(PerfEval.DataGenerator.YearGenerator).Assembly }
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string) && f.Name.EndsWith("Sql", StringComparison.Ordinal))
                .Select(f => ($"{t.FullName}.{f.Name}", (string)f.GetRawConstantValue()!)));

    public static TheoryData<string> StatementNames()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _) in Statements())
        {
            data.Add(name);
        }

        return data;
    }

    /// <summary>The statement as the server sees it: Dapper expands <c>IN @List</c> into <c>IN (@List1, @List2, …)</c>.</summary>
    public static string Statement(string name) =>
        System.Text.RegularExpressions.Regex.Replace(Statements().Single(s => s.Name == name).Sql, @"\bIN\s+@(\w+)", "IN (@$1_1, @$1_2)");

    /// <summary>A migrated, empty SQLite database in memory, kept open for the lifetime of the connection.</summary>
    public static SqliteConnection MigratedSqlite()
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = MigrationRunner.SqliteSchemaVersionTable;
        command.ExecuteNonQuery();
        foreach (var migration in MigrationRunner.For(DatabaseProvider.Sqlite))
        {
            command.CommandText = migration.Script;
            command.ExecuteNonQuery();
        }

        return connection;
    }
}
