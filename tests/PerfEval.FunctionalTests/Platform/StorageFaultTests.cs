using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using PerfEval.Application.Common;
using PerfEval.FunctionalTests.Adjustments;
using PerfEval.FunctionalTests.Security;
using PerfEval.Infrastructure.Persistence;

namespace PerfEval.FunctionalTests.Platform;

/// <summary>
/// Storage that cannot take a write (a full disk, a read-only file) answers 503 with Retry-After and
/// a problem that names no SQL or SQLite error; once the storage is usable again, writes succeed.
/// The fault is put on the service's own pooled write connection: SQLite's max_page_count makes the
/// file "full" at its current size (SQLITE_FULL, 13), query_only makes it read-only (SQLITE_READONLY, 8).
/// </summary>
public sealed class StorageFaultTests(PerfEvalFactory factory) : IClassFixture<PerfEvalFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("disk full", "PRAGMA max_page_count = {pages}")]
    [InlineData("read-only", "PRAGMA query_only = 1")]
    public async Task Write_WhenStorageCannotTakeIt_Returns503WithRetryAfterAndNothingChanges(string what, string fault)
    {
        if (PerfEvalFactory.SqlServerConnectionString is not null)
        {
            return; // The fault is put on the test's SQLite file.
        }

        await _client.GetAsync("/api/v1/departments"); // the service is up and migrated

        // The fault sits on one pooled connection; a background task (the WAL checkpointer) may take
        // that one first, so the write is tried again, with a new department, until it meets the fault.
        var code = string.Empty;
        HttpResponseMessage failed = null!;
        for (var attempt = 0; attempt < 5 && failed?.StatusCode != HttpStatusCode.ServiceUnavailable; attempt++)
        {
            code = TestData.NewCode("FULL");
            InjectOnPooledWriteConnection(fault);
            try
            {
                failed = await _client.PostJsonAsync("/api/v1/departments", Department(code));
            }
            finally
            {
                SqliteConnection.ClearAllPools();
            }
        }

        await SecurityAssert.ProblemAsync(failed, HttpStatusCode.ServiceUnavailable, what);
        Assert.True(failed.Headers.RetryAfter is not null, $"{what}: 503 carries Retry-After");
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/v1/departments/{code}")).StatusCode);

        var retried = await _client.PostJsonAsync("/api/v1/departments", Department(code));
        Assert.True(retried.StatusCode == HttpStatusCode.Created, $"{what}: once storage is usable, the retry succeeds: {(int)retried.StatusCode} {await retried.Content.ReadAsStringAsync()}");
    }

    [Theory]
    [InlineData("a file where the folder should be")]
    [InlineData("a folder where the database file should be")]
    public async Task Startup_OnAnUnusableDataFolder_LogsOneErrorLineAndExitsNonZero(string what)
    {
        var root = Path.Combine(Path.GetTempPath(), "perfeval-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        try
        {
            string dataFolder;
            if (what.StartsWith("a file", StringComparison.Ordinal))
            {
                dataFolder = Path.Combine(root, "data");
                await File.WriteAllTextAsync(dataFolder, "not a folder");
            }
            else
            {
                dataFolder = root;
                Directory.CreateDirectory(Path.Combine(root, "perfeval.db"));
            }

            var (exitCode, output) = await ServiceProcess.RunUntilExitAsync(dataFolder, TimeSpan.FromSeconds(60));

            Assert.True(exitCode != 0, $"{what}: the service must exit non-zero, exited {exitCode}:\n{output}");
            var errors = output.Split('\n').Where(l => l.Contains("Cannot start", StringComparison.Ordinal)).ToList();
            Assert.True(errors.Count == 1, $"{what}: one clear error line expected:\n{output}");
            Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
            Assert.DoesNotContain("Unhandled exception", output, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static object Department(string code) => new
    {
        code,
        name = "存储故障测试单位",
        region = "高新区（新市区）",
        functions = new string('职', 20_000), // many pages: the write cannot fit into free space
    };

    /// <summary>Leaves exactly one connection in the service's write pool, with the fault set on it.</summary>
    private void InjectOnPooledWriteConnection(string fault)
    {
        var connectionString = factory.Services.GetRequiredService<ConnectionFactory>().ConnectionStringFor(UnitOfWorkKind.Write);
        SqliteConnection.ClearAllPools();
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var pages = connection.CreateCommand();
        pages.CommandText = "PRAGMA page_count";
        var count = Convert.ToInt64(pages.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        using var command = connection.CreateCommand();
        command.CommandText = fault.Replace("{pages}", count.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        command.ExecuteNonQuery();
    }
}
