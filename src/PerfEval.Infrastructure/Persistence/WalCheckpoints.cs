using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PerfEval.Infrastructure.Persistence;

/// <summary>
/// Copies the embedded database's write-ahead log back into the database file after write commits,
/// on a connection of its own, so no request waits for it: left to SQLite, the commit that takes the
/// log past 1,000 pages copies the log itself (a 10,000-item push did so on every commit). Passive
/// checkpoints never block readers or writers and are crash-safe like the commit itself; SQLite's own
/// checkpoint stays on as a backstop (<see cref="BackstopPages"/>), so the log stays bounded even if
/// this falls behind.
/// </summary>
internal sealed class WalCheckpoints(ConnectionFactory connections, ILogger<WalCheckpoints> logger) : BackgroundService
{
    /// <summary>
    /// The log size at which a committing write still checkpoints inline: far above one full batch
    /// (about 1,800 pages of 4 KiB), so it happens only when the background checkpoints fall behind.
    /// </summary>
    public const int BackstopPages = 16_000;

    /// <summary>Commits close together share one checkpoint: a stream of small pushes costs at most 20 checkpoints a second, not two per push.</summary>
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(50);

    /// <summary>SQLite only (not in the statements both providers run).</summary>
    private const string PassiveCheckpoint = "PRAGMA wal_checkpoint(PASSIVE);";

    private readonly Channel<bool> _committed = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private long _completed;

    /// <summary>How many checkpoints have run since the service started.</summary>
    public long Completed => Interlocked.Read(ref _completed);

    /// <summary>A write transaction committed: the log has grown. Never waits.</summary>
    public void Committed()
    {
        if (connections.Options.Provider == DatabaseProvider.Sqlite)
        {
            _committed.Writer.TryWrite(true);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (connections.Options.Provider != DatabaseProvider.Sqlite)
        {
            return;
        }

        try
        {
            while (await _committed.Reader.WaitToReadAsync(stoppingToken))
            {
                _committed.Reader.TryRead(out _);
                Checkpoint();
                await Task.Delay(Pause, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the last connection to close checkpoints what is left.
        }
    }

    private void Checkpoint()
    {
        try
        {
            using var connection = new SqliteConnection(connections.ConnectionStringFor(Application.Common.UnitOfWorkKind.Write));
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = PassiveCheckpoint;
            using var result = command.ExecuteReader();
            if (result.Read() && result.GetInt64(0) != 0)
            {
                logger.LogDebug("A checkpoint was busy; the next commit retries it");
            }
        }
        catch (SqliteException ex)
        {
            logger.LogWarning(ex, "Checkpointing the write-ahead log failed; the next commit retries it");
        }
        finally
        {
            Interlocked.Increment(ref _completed);
        }
    }
}
