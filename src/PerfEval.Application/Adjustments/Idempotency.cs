using System.Text;
using FluentValidation;
using MediatR;
using PerfEval.Application.Common;

namespace PerfEval.Application.Adjustments;

/// <summary>The <c>Idempotency</c> configuration section.</summary>
public sealed class IdempotencyOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Idempotency";

    /// <summary>How long a key and its stored response are kept (the draft's expiry); then they are purged.</summary>
    public int RetentionDays { get; set; } = 7;

    /// <summary>How long a claimed key counts as in flight; a claim left by a crashed request is taken over after it.</summary>
    public int LeaseSeconds { get; set; } = 60;

    /// <summary>How often expired keys are purged.</summary>
    public int PurgeIntervalMinutes { get; set; } = 60;
}

/// <summary>A key claimed by one client for one request (its fingerprint: the SHA-256 of the canonical request).</summary>
/// <param name="ClientName">The client that claimed the key.</param>
/// <param name="Key">The Idempotency-Key as sent.</param>
/// <param name="Fingerprint">SHA-256 of the request as bound: the same request, however it is spelled, has the same fingerprint.</param>
public sealed record IdempotencyClaim(string ClientName, string Key, string Fingerprint);

/// <summary>What claiming an Idempotency-Key found.</summary>
public enum ClaimOutcome
{
    /// <summary>The key is this request's: go ahead.</summary>
    Claimed,

    /// <summary>The key completed before with the same payload: answer with the stored response.</summary>
    Replay,

    /// <summary>The first request with this key is still running (409).</summary>
    InFlight,

    /// <summary>The key was used with a different payload (422).</summary>
    KeyReused,
}

/// <summary>The outcome of a claim: the claim itself and, on a replay, the stored answer.</summary>
public sealed record ClaimResult(ClaimOutcome Outcome, IdempotencyClaim Claim, int? Status = null, string? Body = null);

/// <summary>Claims an idempotency key for the calling client, in a transaction of its own, before the work starts.</summary>
public sealed record ClaimIdempotencyKey(string Key, string Fingerprint) : ICommand<ClaimResult>, IBookkeeping
{
    internal sealed class Validator : AbstractValidator<ClaimIdempotencyKey>
    {
        public Validator()
        {
            RuleFor(x => x.Key).NotEmpty().MaximumLength(255).OverridePropertyName("Idempotency-Key");
            RuleFor(x => x.Fingerprint).Length(64);
        }
    }

    internal sealed class Handler(DbSession db, IRequestContext context, IdempotencyOptions options, TimeProvider clock)
        : IRequestHandler<ClaimIdempotencyKey, ClaimResult>
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

        public async Task<ClaimResult> Handle(ClaimIdempotencyKey request, CancellationToken ct)
        {
            var claim = new IdempotencyClaim(context.ClientName, request.Key, request.Fingerprint);
            var now = clock.GetUtcNow();
            var parameters = new
            {
                claim.ClientName,
                claim.Key,
                claim.Fingerprint,
                InFlight = nameof(ClaimOutcome.InFlight),
                LeaseUntil = now.AddSeconds(options.LeaseSeconds),
                Now = now,
                ExpiresAt = now.AddDays(options.RetentionDays),
            };
            var row = await db.QuerySingleOrDefaultAsync<KeyRow>(SelectSql, new { claim.ClientName, claim.Key }, ct);
            if (row is null)
            {
                await db.ExecuteAsync(InsertSql, parameters, ct);
                return new ClaimResult(ClaimOutcome.Claimed, claim);
            }

            var expired = row.ExpiresAt <= now;
            if (!expired && row.Fingerprint != request.Fingerprint)
            {
                return new ClaimResult(ClaimOutcome.KeyReused, claim);
            }

            if (!expired && row.State == "Completed")
            {
                return new ClaimResult(ClaimOutcome.Replay, claim, row.ResponseStatus, row.ResponseBody);
            }

            if (!expired && row.LeaseUntil > now)
            {
                return new ClaimResult(ClaimOutcome.InFlight, claim);
            }

            // Expired, or a claim whose request died before completing: this request takes it over.
            await db.ExecuteAsync(TakeOverSql, parameters, ct);
            return new ClaimResult(ClaimOutcome.Claimed, claim);
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
}

/// <summary>
/// After a request that did not complete its claim: a final client error (422, 409) is stored so a
/// replay gets the same answer; anything else (a fault, 503) releases the key so the retry runs anew.
/// </summary>
public sealed record SettleIdempotencyKey(IdempotencyClaim Claim, int? Status, string? Body) : ICommand<Unit>, IBookkeeping
{
    internal sealed class Handler(DbSession db, TimeProvider clock) : IRequestHandler<SettleIdempotencyKey, Unit>
    {
        private const string ReleaseSql = """
            DELETE FROM idempotency_keys WHERE client_name = @ClientName AND idempotency_key = @Key AND state = @InFlight
            """;

        public async Task<Unit> Handle(SettleIdempotencyKey request, CancellationToken ct)
        {
            if (request.Status is { } status)
            {
                await db.CompleteAsync(request.Claim, status, request.Body ?? string.Empty, clock.GetUtcNow(), ct);
            }
            else
            {
                await db.ExecuteAsync(ReleaseSql, new { request.Claim.ClientName, request.Claim.Key, InFlight = nameof(ClaimOutcome.InFlight) }, ct);
            }

            return Unit.Value;
        }
    }
}

/// <summary>Deletes keys past their retention period.</summary>
public sealed record PurgeExpiredIdempotencyKeys : ICommand<int>, IBookkeeping
{
    internal sealed class Handler(DbSession db, TimeProvider clock) : IRequestHandler<PurgeExpiredIdempotencyKeys, int>
    {
        private const string PurgeSql = "DELETE FROM idempotency_keys WHERE expires_at <= @Now";

        public Task<int> Handle(PurgeExpiredIdempotencyKeys request, CancellationToken ct) =>
            db.ExecuteAsync(PurgeSql, new { Now = clock.GetUtcNow() }, ct);
    }
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

    /// <summary>Stores the response with the claim; inside the work's own transaction for a success.</summary>
    public static Task CompleteAsync(this DbSession db, IdempotencyClaim claim, int status, string body, DateTimeOffset now, CancellationToken ct) =>
        CompleteAsync(db, CompleteSql, claim, status, body, now, ct);

    /// <summary>The same for a response serialized as UTF-8 (SQL Server's NVARCHAR takes it as a string).</summary>
    public static Task CompleteAsync(this DbSession db, IdempotencyClaim claim, int status, byte[] utf8Body, DateTimeOffset now, CancellationToken ct) =>
        db.Dialect.StoresUtf8AsText
            ? CompleteAsync(db, CompleteUtf8Sql, claim, status, utf8Body, now, ct)
            : CompleteAsync(db, CompleteSql, claim, status, Encoding.UTF8.GetString(utf8Body), now, ct);

    private static async Task CompleteAsync(DbSession db, string sql, IdempotencyClaim claim, int status, object body, DateTimeOffset now, CancellationToken ct)
    {
        var updated = await db.ExecuteAsync(sql, new
        {
            claim.ClientName,
            claim.Key,
            claim.Fingerprint,
            Status = status,
            Body = body,
            Completed = "Completed",
            InFlight = nameof(ClaimOutcome.InFlight),
        }, ct);
        if (updated != 1)
        {
            throw new ConflictException(Messages.LeaseLost.Format(claim.Key, now.ToString("O", System.Globalization.CultureInfo.InvariantCulture)));
        }
    }
}
