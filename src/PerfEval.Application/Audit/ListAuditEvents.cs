using FluentValidation;
using MediatR;
using PerfEval.Application.Common;

namespace PerfEval.Application.Audit;

/// <summary>One write: who, when, under which request id, which command, about what, and what it sent.</summary>
public sealed record AuditEventResponse
{
    /// <summary>Audit event id.</summary>
    public long Id { get; init; }
    /// <summary>When the write happened (UTC).</summary>
    public DateTimeOffset OccurredAt { get; init; }
    /// <summary>The client that wrote (`perfeval` for the service itself, e.g. loading demo data).</summary>
    public required string ClientName { get; init; }
    /// <summary>The request's traceId (also sent as X-Request-Id).</summary>
    public required string RequestId { get; init; }
    /// <summary>The command, e.g. `SaveEvaluation`, `PushBudgetAdjustments`.</summary>
    public required string Action { get; init; }
    /// <summary>The key of what was written, when there is one.</summary>
    public string? EntityKey { get; init; }
    /// <summary>What the client sent, as JSON text; for a push of adjustments, what it recorded (count, net amount, first and last ledger id, lines moved), since the ledger keeps every item.</summary>
    public required string Changes { get; init; }
}

/// <summary>
/// The audit log, newest first, keyset-paged, filtered by client, action and time. A client limited to
/// regions or departments sees only the events about a department it may see (the event's key starts
/// with the department's code); events about no single department (fiscal years, scoring schemes,
/// batch pushes across departments) are not shown to it at all, so they never reveal what lies outside.
/// </summary>
public sealed record ListAuditEvents(
    string? ClientName = null,
    string? Action = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    int Limit = Paging.DefaultLimit,
    string? Cursor = null) : IQuery<Page<AuditEventResponse>>
{
    internal sealed class Validator : AbstractValidator<ListAuditEvents>
    {
        public Validator() => RuleFor(x => x.Limit).ValidLimit();
    }

    internal sealed class Handler(DbSession db, IRequestContext context) : IRequestHandler<ListAuditEvents, Page<AuditEventResponse>>
    {
        private const string ListSql = """
            SELECT id AS Id, occurred_at AS OccurredAt, client_name AS ClientName, request_id AS RequestId,
                action AS Action, entity_key AS EntityKey, changes AS Changes
            FROM audit_events
            WHERE (@Before IS NULL OR id < @Before)
              AND (@ClientName IS NULL OR client_name = @ClientName)
              AND (@Action IS NULL OR action = @Action)
              AND (@From IS NULL OR occurred_at >= @From)
              AND (@To IS NULL OR occurred_at < @To)
              AND (@Limited = 0 OR EXISTS (
                    SELECT 1 FROM departments d
                    WHERE (d.code IN @Departments OR d.region IN @Regions)
                      AND (audit_events.entity_key = d.code
                           OR audit_events.entity_key LIKE CONCAT(REPLACE(d.code, '_', '!_'), '/%') ESCAPE '!')))
            ORDER BY id DESC
            LIMIT @Take
            """;

        public async Task<Page<AuditEventResponse>> Handle(ListAuditEvents request, CancellationToken ct)
        {
            var rows = await db.QueryAsync<AuditEventResponse>(ListSql, new
            {
                Before = Paging.DecodeId(request.Cursor),
                request.ClientName,
                request.Action,
                request.From,
                request.To,
                Limited = context.IsRestricted() ? 1 : 0,
                Departments = context.Departments.ToArray(),
                Regions = context.Regions.ToArray(),
                Take = request.Limit + 1,
            }, ct);
            return Paging.ToPage(rows, request.Limit, e => e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
