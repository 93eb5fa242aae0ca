using System.Diagnostics;
using System.Globalization;
using System.Text;
using FluentValidation;
using MediatR;

namespace PerfEval.Application.Common;

/// <summary>
/// The IETF Idempotency-Key flow around an <see cref="IIdempotent"/> command, before its validation:
/// the key is claimed for the calling client in a transaction of its own, then the command runs and
/// <see cref="IdempotentAnswerBehavior{TRequest,TResponse}"/> stores its answer in the command's
/// transaction. The same key and request again gets the stored status and body byte for byte; the
/// same key with another request 422; a retry while the first runs 409 with Retry-After. A final
/// refusal (validation, business rule, conflict, forbidden) is stored too, as the client reads it;
/// anything else (a fault, the database unavailable) frees the key so the retry runs anew.
/// </summary>
internal sealed class IdempotencyBehavior<TRequest, TResponse>(
    IUnitOfWork unitOfWork, DbSession db, IRequestContext context, IdempotencyOptions options, TimeProvider clock, IRefusalAnswers refusals)
    : IPipelineBehavior<TRequest, TResponse>
    where TRequest : IIdempotent
    where TResponse : IStoredAnswer<TResponse>
{
    private const string SelectSql = """
        SELECT fingerprint AS Fingerprint, state AS State, lease_until AS LeaseUntil, expires_at AS ExpiresAt,
            response_status AS ResponseStatus, response_body AS ResponseBody
        FROM idempotency_keys WHERE client_name = @ClientName AND idempotency_key = @Key
        """;

    private const string InsertSql = """
        INSERT INTO idempotency_keys (client_name, idempotency_key, fingerprint, state, lease_until, created_at, expires_at)
        VALUES (@ClientName, @Key, @Fingerprint, @InFlight, @LeaseUntil, @Now, @ExpiresAt)
        """;

    private const string TakeOverSql = """
        UPDATE idempotency_keys SET fingerprint = @Fingerprint, state = @InFlight, lease_until = @LeaseUntil,
            response_status = NULL, response_body = NULL, created_at = @Now, expires_at = @ExpiresAt
        WHERE client_name = @ClientName AND idempotency_key = @Key
        """;

    private const string ReleaseSql = """
        DELETE FROM idempotency_keys WHERE client_name = @ClientName AND idempotency_key = @Key AND state = @InFlight
        """;

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request.Idempotency is not { } key)
        {
            return await next();
        }

        var claim = new IdempotencyClaim(context.ClientName, key.Value, key.Fingerprint);
        var stored = await unitOfWork.RunAsync(UnitOfWorkKind.Write, db, () => ClaimAsync(claim, cancellationToken), cancellationToken);
        if (stored is { } replay)
        {
            return TResponse.Stored(replay.ResponseStatus!.Value, Encoding.UTF8.GetBytes(replay.ResponseBody ?? string.Empty), replayed: true);
        }

        try
        {
            return await next();
        }
        catch (Exception refusal) when (refusal is ValidationException or BusinessRuleException or ConflictException or ForbiddenException)
        {
            // A final answer for this request: stored, so a replay gets the same one. It is answered,
            // not thrown, so the request's span is marked refused here.
            Activity.Current?.SetStatus(ActivityStatusCode.Error, refusal.GetType().Name);
            var (status, body) = refusals.AnswerTo(refusal);
            await unitOfWork.RunAsync(UnitOfWorkKind.Write, db, async () =>
            {
                await db.StoreAnswerAsync(claim, status, body, clock.GetUtcNow(), CancellationToken.None);
                return status;
            }, CancellationToken.None);
            return TResponse.Stored(status, Encoding.UTF8.GetBytes(body), replayed: false);
        }
        catch
        {
            // Not a final answer (a fault, the database unavailable): free the key for the retry.
            try
            {
                await unitOfWork.RunAsync(UnitOfWorkKind.Write, db, () => db.ExecuteAsync(ReleaseSql, new { claim.ClientName, claim.Key, InFlight = IdempotencyClaim.InFlight }, CancellationToken.None), CancellationToken.None);
            }
            catch (Exception releaseFailure) when (releaseFailure is not OperationCanceledException)
            {
                // The claim's lease runs out on its own.
            }

            throw;
        }
    }

    /// <summary>Null when the key is now this request's; the stored answer for a replay; else refused (422 another request, 409 still running).</summary>
    private async Task<KeyRow?> ClaimAsync(IdempotencyClaim claim, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var parameters = new
        {
            claim.ClientName,
            claim.Key,
            claim.Fingerprint,
            InFlight = IdempotencyClaim.InFlight,
            LeaseUntil = now.AddSeconds(options.LeaseSeconds),
            Now = now,
            ExpiresAt = now.AddDays(options.RetentionDays),
        };
        var row = await db.QuerySingleOrDefaultAsync<KeyRow>(SelectSql, new { claim.ClientName, claim.Key }, ct);
        if (row is null)
        {
            await db.ExecuteAsync(InsertSql, parameters, ct);
            return null;
        }

        var expired = row.ExpiresAt <= now;
        if (!expired && row.Fingerprint != claim.Fingerprint)
        {
            throw new BusinessRuleException("Idempotency-Key", Messages.KeyReused.Format(claim.Key));
        }

        if (!expired && row.State == IdempotencyClaim.Completed)
        {
            return row;
        }

        if (!expired && row.LeaseUntil > now)
        {
            throw new ConflictException(Messages.KeyInFlight.Format(claim.Key), retryAfterSeconds: 1);
        }

        // Expired, or a claim whose request died before completing: this request takes it over.
        await db.ExecuteAsync(TakeOverSql, parameters, ct);
        return null;
    }

    private sealed record KeyRow
    {
        public required string Fingerprint { get; init; }
        public required string State { get; init; }
        public DateTimeOffset LeaseUntil { get; init; }
        public DateTimeOffset ExpiresAt { get; init; }
        public int? ResponseStatus { get; init; }
        public string? ResponseBody { get; init; }
    }
}

/// <summary>
/// Inside the unit of work of an <see cref="IIdempotent"/> command: its answer is stored with the
/// key in the command's own transaction, so the work and the answer a retry gets commit together.
/// </summary>
internal sealed class IdempotentAnswerBehavior<TRequest, TResponse>(DbSession db, IRequestContext context, TimeProvider clock)
    : IPipelineBehavior<TRequest, TResponse>
    where TRequest : IIdempotent
    where TResponse : IStoredAnswer<TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var response = await next();
        if (request.Idempotency is { } key)
        {
            await db.StoreAnswerAsync(new IdempotencyClaim(context.ClientName, key.Value, key.Fingerprint), response.Status, response.Utf8Json, clock.GetUtcNow(), cancellationToken);
        }

        return response;
    }
}

/// <summary>A key claimed by one client for one request (its fingerprint: the SHA-256 of the canonical request).</summary>
internal sealed record IdempotencyClaim(string ClientName, string Key, string Fingerprint)
{
    public const string InFlight = "InFlight";
    public const string Completed = "Completed";
}

internal static class IdempotencyStore
{
    private const string CompleteSql = """
        UPDATE idempotency_keys SET state = @Completed, response_status = @Status, response_body = @Body
        WHERE client_name = @ClientName AND idempotency_key = @Key AND fingerprint = @Fingerprint AND state = @InFlight
        """;

    /// <summary>SQLite stores a blob's bytes cast to text as they are: UTF-8 text, not converted.</summary>
    private const string CompleteUtf8Sql = """
        UPDATE idempotency_keys SET state = @Completed, response_status = @Status, response_body = CAST(@Body AS TEXT)
        WHERE client_name = @ClientName AND idempotency_key = @Key AND fingerprint = @Fingerprint AND state = @InFlight
        """;

    /// <summary>Stores the answer with the claim and completes it.</summary>
    public static Task StoreAnswerAsync(this DbSession db, IdempotencyClaim claim, int status, string body, DateTimeOffset now, CancellationToken ct) =>
        StoreAnswerAsync(db, CompleteSql, claim, status, body, now, ct);

    /// <summary>The same for an answer serialized as UTF-8 (SQL Server's NVARCHAR takes it as a string).</summary>
    public static Task StoreAnswerAsync(this DbSession db, IdempotencyClaim claim, int status, byte[] utf8Body, DateTimeOffset now, CancellationToken ct) =>
        db.Dialect.StoresUtf8AsText
            ? StoreAnswerAsync(db, CompleteUtf8Sql, claim, status, utf8Body, now, ct)
            : StoreAnswerAsync(db, CompleteSql, claim, status, Encoding.UTF8.GetString(utf8Body), now, ct);

    private static async Task StoreAnswerAsync(DbSession db, string sql, IdempotencyClaim claim, int status, object body, DateTimeOffset now, CancellationToken ct)
    {
        var updated = await db.ExecuteAsync(sql, new
        {
            claim.ClientName,
            claim.Key,
            claim.Fingerprint,
            Status = status,
            Body = body,
            Completed = IdempotencyClaim.Completed,
            InFlight = IdempotencyClaim.InFlight,
        }, ct);
        if (updated != 1)
        {
            throw new ConflictException(Messages.LeaseLost.Format(claim.Key, now.ToString("O", CultureInfo.InvariantCulture)));
        }
    }
}
