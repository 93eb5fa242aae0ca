using Microsoft.Data.Sqlite;
using PerfEval.Infrastructure.Persistence;

namespace PerfEval.FunctionalTests.Platform;

/// <summary>
/// Restarts on an existing SQLite file. Each test builds its own factories (no class fixture): the
/// point is a second start on the first one's folder. SQLite only: on SQL Server the migration
/// runner is covered by the start-up of every other test class.
/// </summary>
public sealed class MigrationTests
{
    private static string DatabaseFile(PerfEvalFactory factory) => Path.Combine(factory.DataFolder, "perfeval.db");

    private static List<(int Version, string Name)> SchemaVersions(string file)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT version, name FROM schema_version ORDER BY version";
        using var reader = command.ExecuteReader();
        var versions = new List<(int, string)>();
        while (reader.Read())
        {
            versions.Add((reader.GetInt32(0), reader.GetString(1)));
        }

        return versions;
    }

    [Fact]
    public async Task Startup_WhenDatabaseAlreadyMigrated_StartsKeepsDataAndRecordsEachVersionOnce()
    {
        if (PerfEvalFactory.SqlServerConnectionString is not null)
        {
            return;
        }

        using var first = new PerfEvalFactory();
        var firstClient = first.CreateClient();
        await firstClient.CreateYearAsync(2031);
        var code = await firstClient.CreateDepartmentAsync();
        var line = await firstClient.CreateBudgetLineAsync(code, 2031, "personnel", "ownLevel", 12_345_678_901.23m, 1m);
        var migrated = SchemaVersions(DatabaseFile(first));

        using var second = new ExistingFolderFactory(first.DataFolder);
        var secondClient = second.CreateClient();

        var department = await secondClient.GetAsync($"/api/v1/departments/{code}");
        Assert.Equal(HttpStatusCode.OK, department.StatusCode);
        var fetched = await (await secondClient.GetAsync($"{MoreTestData.LinesUrl(code, 2031)}/{line.GetProperty("id").GetInt64()}")).JsonAsync();
        Assert.Equal(12_345_678_901.23m, fetched.GetProperty("initialAmount").GetDecimal());
        Assert.Equal(HttpStatusCode.OK, (await secondClient.GetAsync("/health/ready")).StatusCode);
        var written = await secondClient.CreateDepartmentAsync();
        Assert.Equal(HttpStatusCode.OK, (await firstClient.GetAsync($"/api/v1/departments/{written}")).StatusCode);

        var versions = SchemaVersions(DatabaseFile(first));
        var expected = MigrationRunner.For(DatabaseProvider.Sqlite).Select(m => m.Version).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, versions.Select(v => v.Version));
        Assert.Equal(migrated, versions);
    }

    [Fact]
    public async Task Startup_WhenDatabaseIsNewerThanTheService_FailsWithSchemaTooNew()
    {
        if (PerfEvalFactory.SqlServerConnectionString is not null)
        {
            return;
        }

        using var first = new PerfEvalFactory();
        var firstClient = first.CreateClient();
        var code = await firstClient.CreateDepartmentAsync();
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabaseFile(first), Pooling = false }.ToString()))
        {
            connection.Open();
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO schema_version (version, name, applied_at) VALUES (9999, 'from_the_future', '2099-01-01T00:00:00+00:00')";
            insert.ExecuteNonQuery();
        }

        using var second = new ExistingFolderFactory(first.DataFolder);
        var failure = Record.Exception(() => second.CreateClient());

        Assert.NotNull(failure);
        var chain = Flatten(failure).ToList();
        Assert.True(
            chain.Any(e => e is SchemaTooNewException || e.Message.Contains("newer than this service", StringComparison.Ordinal)),
            "Expected SchemaTooNewException, got: " + string.Join(" <- ", chain.Select(e => $"{e.GetType().Name}: {e.Message}")));
        var tooNew = chain.OfType<SchemaTooNewException>().FirstOrDefault();
        Assert.Contains("9999", tooNew?.Message ?? string.Join(" ", chain.Select(e => e.Message)), StringComparison.Ordinal);

        // The refused start changed nothing: the version stays recorded once and the data is still there.
        Assert.Single(SchemaVersions(DatabaseFile(first)), v => v.Version == 9999);
        Assert.Equal(HttpStatusCode.OK, (await firstClient.GetAsync($"/api/v1/departments/{code}")).StatusCode);
    }

    private static IEnumerable<Exception> Flatten(Exception exception)
    {
        yield return exception;
        var inner = exception is AggregateException aggregate ? aggregate.InnerExceptions : (IEnumerable<Exception>)(exception.InnerException is null ? [] : [exception.InnerException]);
        foreach (var child in inner)
        {
            foreach (var descendant in Flatten(child))
            {
                yield return descendant;
            }
        }
    }
}
