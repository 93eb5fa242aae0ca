using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PerfEval.Application.Adjustments;
using PerfEval.Application.Adjustments.Push;
using PerfEval.FunctionalTests.Adjustments;
using PerfEval.Infrastructure.Persistence;

namespace PerfEval.FunctionalTests.Platform;

/// <summary>
/// The embedded database's write-ahead log is copied into the database file in the background after
/// commits: what a push committed reaches the file without another request, the log is reused instead
/// of growing push after push, and the checkpointer stops cleanly with the service.
/// </summary>
public sealed class WalCheckpointTests(PerfEvalFactory factory) : IClassFixture<PerfEvalFactory>, IDisposable
{
    private const int Year = 2031;
    private const int BatchSize = 2_000;

    private readonly HttpClient _admin = factory.CreateClient(PerfEvalFactory.AdminKey);
    private readonly string _scratch = Path.Combine(Path.GetTempPath(), "perfeval-wal-tests", Guid.NewGuid().ToString("N"));

    private string DatabaseFile => Path.Combine(factory.DataFolder, "perfeval.db");

    [Fact]
    public async Task PushAdjustments_WhenCommitted_ReachesTheDatabaseFileWithoutAnotherRequest()
    {
        if (PerfEvalFactory.SqlServerConnectionString is not null)
        {
            return;
        }

        var (code, lineId) = await _admin.NewLineAsync(Year, initial: 1_000_000m, executed: 0m);

        await _admin.PushCreatedAsync(Batch(code, lineId));

        await WaitForFileToHoldAsync(code, BatchSize);
    }

    [Fact]
    public async Task PushAdjustments_WhenManyBatchesCommitted_TheLogIsReusedInsteadOfGrowing()
    {
        if (PerfEvalFactory.SqlServerConnectionString is not null)
        {
            return;
        }

        var (code, lineId) = await _admin.NewLineAsync(Year, initial: 1_000_000m, executed: 0m);

        // A reader kept open keeps the log file: the last connection to close would otherwise delete
        // it, and a missing log says nothing about whether it is reused.
        await using var reader = new SqliteConnection($"Data Source={DatabaseFile};Pooling=False");
        await reader.OpenAsync();
        await ExecuteAsync(reader, "SELECT COUNT(*) FROM sqlite_master;");
        var sizes = new List<long>();
        for (var batch = 1; batch <= 6; batch++)
        {
            await _admin.PushCreatedAsync(Batch(code, lineId));
            await WaitForFileToHoldAsync(code, batch * BatchSize);
            await WaitForCheckpointsToSettleAsync();
            sizes.Add(LogSize());
        }

        // Left to grow, the log would hold all six batches (SQLite's own checkpoint waits for far
        // more); reused, it starts again at each push, or holds two when a push starts while the
        // previous one's checkpoint still runs.
        Assert.True(sizes[0] > 0, "The log file was gone although a connection stayed open.");
        Assert.True(sizes.TrueForAll(size => size < sizes[0] * 3), $"The log grew push after push: {string.Join(", ", sizes)} bytes.");
    }

    [Fact]
    public async Task Checkpoints_WhenTheServiceStops_StopCleanlyAndLeaveEveryCommitInTheDatabase()
    {
        Directory.CreateDirectory(_scratch);
        var file = Path.Combine(_scratch, "perfeval.db");
        var checkpoints = new WalCheckpoints(new ConnectionFactory(new DatabaseOptions { DataFolder = _scratch }), NullLogger<WalCheckpoints>.Instance);
        await checkpoints.StartAsync(CancellationToken.None);

        // A writer that never checkpoints itself and stays open, so closing it checkpoints nothing either.
        await using var writer = new SqliteConnection($"Data Source={file};Pooling=False");
        await writer.OpenAsync();
        await ExecuteAsync(writer, "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0; CREATE TABLE entries (id INTEGER PRIMARY KEY, text TEXT NOT NULL);");
        await ExecuteAsync(writer, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000) INSERT INTO entries (text) SELECT printf('%0500d', i) FROM n;");
        checkpoints.Committed();
        await WaitUntilAsync(() => checkpoints.Completed > 0);
        Assert.Equal(1000, CountInFile(file, "SELECT COUNT(*) FROM entries"));

        // Stopping right after a commit: the pending checkpoint or the stop, never a fault or a hang.
        await ExecuteAsync(writer, "INSERT INTO entries (text) VALUES ('last');");
        checkpoints.Committed();
        var stopping = Stopwatch.StartNew();
        await checkpoints.StopAsync(CancellationToken.None);

        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(5), $"Stopping took {stopping.Elapsed}.");
        Assert.True(checkpoints.ExecuteTask!.IsCompletedSuccessfully, $"The checkpointer ended {checkpoints.ExecuteTask.Status}.");
        await writer.CloseAsync();
        SqliteConnection.ClearAllPools();
        Assert.Equal(1001, CountInFile(file, "SELECT COUNT(*) FROM entries"));
        Assert.Equal("ok", ScalarInFile(file, "PRAGMA integrity_check"));
        checkpoints.Dispose();
    }

    public void Dispose()
    {
        _admin.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_scratch, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // The test never made it.
        }
    }

    private static List<AdjustmentItem> Batch(string code, long lineId) =>
        [.. Enumerable.Range(0, BatchSize).Select(i => MoreTestData.Adjustment(code, Year, lineId, ((i % 97) + 1) / 100m))];

    /// <summary>Waits until the database file alone (a copy of it, without its log) holds the department's rows.</summary>
    private async Task WaitForFileToHoldAsync(string code, int rows) => await WaitUntilAsync(() =>
    {
        try
        {
            return CountInFile(DatabaseFile, $"SELECT COUNT(*) FROM budget_adjustments WHERE department_code = '{code}'") == rows;
        }
        catch (SqliteException)
        {
            return false; // Copied while a checkpoint was writing the file.
        }
    });

    private long LogSize() => new FileInfo(DatabaseFile + "-wal") is { Exists: true } log ? log.Length : 0;

    /// <summary>Waits until no checkpoint has finished for a while: the one that copied the rows may still be running.</summary>
    private async Task WaitForCheckpointsToSettleAsync()
    {
        var checkpoints = factory.Services.GetRequiredService<WalCheckpoints>();
        var last = checkpoints.Completed;
        var quiet = Stopwatch.StartNew();
        while (quiet.Elapsed < TimeSpan.FromMilliseconds(300))
        {
            await Task.Delay(50);
            if (checkpoints.Completed != last)
            {
                last = checkpoints.Completed;
                quiet.Restart();
            }
        }
    }

    private long CountInFile(string file, string sql) => Convert.ToInt64(ScalarInFile(file, sql), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Reads a copy of the database file only: what a checkpoint has copied into it, nothing still in the log.</summary>
    private object ScalarInFile(string file, string sql)
    {
        Directory.CreateDirectory(_scratch);
        var copy = Path.Combine(_scratch, $"copy-{Guid.NewGuid():N}.db");
        File.Copy(file, copy);
        using var connection = new SqliteConnection($"Data Source={copy};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar()!;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(15), "The log was not checkpointed into the database file within 15 s.");
            await Task.Delay(50);
        }
    }
}
