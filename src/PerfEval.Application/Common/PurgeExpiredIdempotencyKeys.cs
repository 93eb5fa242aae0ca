using MediatR;

namespace PerfEval.Application.Common;

/// <summary>Deletes Idempotency-Keys (and their stored answers) past their retention period.</summary>
public sealed record PurgeExpiredIdempotencyKeys : ICommand<int>, IBookkeeping
{
    internal sealed class Handler(DbSession db, TimeProvider clock) : IRequestHandler<PurgeExpiredIdempotencyKeys, int>
    {
        private const string PurgeSql = "DELETE FROM idempotency_keys WHERE expires_at <= @Now";

        public Task<int> Handle(PurgeExpiredIdempotencyKeys request, CancellationToken ct) =>
            db.ExecuteAsync(PurgeSql, new { Now = clock.GetUtcNow() }, ct);
    }
}
