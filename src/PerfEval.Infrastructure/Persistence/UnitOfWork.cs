using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using PerfEval.Application.Common;
using Polly;
using Polly.Retry;

namespace PerfEval.Infrastructure.Persistence;

/// <summary>
/// A fresh connection per unit of work; writes in one transaction (SQLite: BEGIN IMMEDIATE, so
/// concurrent writers queue instead of deadlocking). The retry wraps the whole unit, so a retried
/// unit starts again from a clean state. A database that stays unavailable becomes 503.
/// </summary>
internal sealed class UnitOfWork : IUnitOfWork
{
    private readonly ConnectionFactory _connections;
    private readonly ResiliencePipeline _retry;
    private readonly Func<CancellationToken, Task<System.Data.Common.DbConnection>> _openRead;
    private readonly WalCheckpoints _checkpoints;

    public UnitOfWork(ConnectionFactory connections, WalCheckpoints checkpoints, ILogger<UnitOfWork> logger)
    {
        _connections = connections;
        _checkpoints = checkpoints;
        _openRead = ct => OpenAsync(UnitOfWorkKind.Read, ct);
        _retry = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(TransientFaults.IsTransient),
                MaxRetryAttempts = Math.Max(1, connections.Options.MaxRetryAttempts),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(50),
                OnRetry = args =>
                {
                    logger.LogWarning("Transient database fault ({Error}); retry {Attempt} in {Delay}", args.Outcome.Exception?.GetType().Name, args.AttemptNumber + 1, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    public async Task<T> RunAsync<T>(UnitOfWorkKind kind, DbSession session, Func<Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            // The unit travels as state: no closure is allocated for every request.
            return await _retry.ExecuteAsync(
                static (unit, ct) => new ValueTask<T>(unit.Self.RunOnceAsync(unit.Kind, unit.Session, unit.Work, ct)),
                (Self: this, Kind: kind, Session: session, Work: work),
                cancellationToken);
        }
        catch (Exception ex) when (TransientFaults.IsTransient(ex) || StorageFaults.IsStorageFault(ex))
        {
            throw new DatabaseUnavailableException(ex);
        }
    }

    /// <summary>A database that cannot be reached at all is as transient as one that is busy: retried, then 503.</summary>
    private async Task<System.Data.Common.DbConnection> OpenAsync(UnitOfWorkKind kind, CancellationToken ct)
    {
        try
        {
            return await _connections.OpenAsync(kind, ct);
        }
        catch (System.Data.Common.DbException ex) when (!TransientFaults.IsTransient(ex))
        {
            throw new DatabaseUnreachableException(ex);
        }
    }

    private async Task<T> RunOnceAsync<T>(UnitOfWorkKind kind, DbSession session, Func<Task<T>> work, CancellationToken ct)
    {
        if (kind == UnitOfWorkKind.Read)
        {
            session.AttachOnFirstUse(_openRead, _connections.Dialect);
            try
            {
                return await work();
            }
            finally
            {
                if (session.OpenConnection is { } opened)
                {
                    await opened.DisposeAsync();
                }
            }
        }

        await using var connection = await OpenAsync(kind, ct);
        await using var transaction = connection is SqliteConnection sqlite
            ? sqlite.BeginTransaction(IsolationLevel.Serializable, deferred: false)
            : await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
        session.Attach(connection, transaction, _connections.Dialect);
        try
        {
            var result = await work();
            await transaction.CommitAsync(ct);
            _checkpoints.Committed();
            return result;
        }
        finally
        {
            // A later unit of the same session (a retry, or the next command of a loader) starts afresh.
            session.Detach();
        }
    }
}
