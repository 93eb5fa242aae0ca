using System.Globalization;
using FluentValidation;
using MediatR;
using PerfEval.Application.Common;

namespace PerfEval.Application.Changes;

/// <summary>What happened to an entity.</summary>
public enum ChangeOperation
{
    /// <summary>The entity was created.</summary>
    Created,
    /// <summary>The entity changed (a budget line also when an adjustment moved it).</summary>
    Updated,
    /// <summary>The entity was deleted.</summary>
    Deleted,
}

/// <summary>One committed change: which entity (type and key), its version after the change, what happened, when.</summary>
public sealed record ChangeResponse
{
    /// <summary>Position in the feed (commit order).</summary>
    public long Position { get; init; }
    /// <summary>What changed: department, fiscalYear, budgetLine, budgetAdjustment, project, indicator, evaluation or scoringScheme.</summary>
    public required string EntityType { get; init; }
    /// <summary>Its key: a department code, a year, an id, or `code/year` for an evaluation.</summary>
    public required string EntityKey { get; init; }
    /// <summary>The department the entity belongs to; null for fiscal years and scoring schemes.</summary>
    public string? DepartmentCode { get; init; }
    /// <summary>The entity's row version after the change.</summary>
    public int Version { get; init; }
    /// <summary>What happened.</summary>
    public ChangeOperation Operation { get; init; }
    /// <summary>When the change was committed (UTC).</summary>
    public DateTimeOffset ChangedAt { get; init; }
}

/// <summary>A page of the change feed; `nextCursor` is always set.</summary>
/// <param name="Items">Changes after the cursor, in commit order.</param>
/// <param name="NextCursor">Always set: where to resume, even when nothing new has come. Store it and pass it as `after`.</param>
/// <param name="HasMore">true when more changes follow right away.</param>
public sealed record ChangePage(IReadOnlyList<ChangeResponse> Items, string NextCursor, bool HasMore);

/// <summary>
/// The change feed, in commit order: a consumer stores <c>nextCursor</c> and resumes from it, and
/// sees every change exactly once even while writes commit concurrently.
/// </summary>
public sealed record ListChanges(string? After = null, string? EntityType = null, int Limit = 500) : IQuery<ChangePage>
{
    internal sealed class Validator : AbstractValidator<ListChanges>
    {
        public Validator() => RuleFor(x => x.Limit).InclusiveBetween(1, 1000);
    }

    internal sealed class Handler(DbSession db, IRequestContext context) : IRequestHandler<ListChanges, ChangePage>
    {
        private const string Filters = """
            AND (@EntityType IS NULL OR entity_type = @EntityType)
            AND (@Unrestricted = 1 OR department_code IS NULL OR department_code IN @Departments
                 OR department_code IN (SELECT d.code FROM departments d WHERE d.region IN @Regions))
            """;

        /// <summary>SQLite serializes writers: positions commit in order.</summary>
        private const string FeedSql = $"""
            SELECT position AS Position, entity_type AS EntityType, entity_key AS EntityKey, department_code AS DepartmentCode,
                version AS Version, operation AS Operation, changed_at AS ChangedAt
            FROM changes
            WHERE position > @After
            {Filters}
            ORDER BY position
            LIMIT @Take
            """;

        /// <summary>SQL Server: only positions below the oldest uncommitted one, so a slow transaction is never skipped.</summary>
        private const string FeedSqlServerSql = $"""
            SELECT TOP (@Take) CAST(position AS BIGINT) AS Position, entity_type AS EntityType, entity_key AS EntityKey,
                department_code AS DepartmentCode, version AS Version, operation AS Operation, changed_at AS ChangedAt
            FROM changes
            WHERE position > CAST(@After AS BINARY(8)) AND position < MIN_ACTIVE_ROWVERSION()
            {Filters}
            ORDER BY position
            """;

        public async Task<ChangePage> Handle(ListChanges request, CancellationToken ct)
        {
            var after = Paging.DecodeId(request.After) ?? 0;
            var rows = (await db.QueryAsync<ChangeResponse>(db.Dialect.PositionsCommitOutOfOrder ? FeedSqlServerSql : FeedSql, new
            {
                After = after,
                request.EntityType,
                Unrestricted = context.IsRestricted() ? 0 : 1,
                context.Departments,
                context.Regions,
                Take = request.Limit + 1,
            }, ct)).ToList();
            var hasMore = rows.Count > request.Limit;
            if (hasMore)
            {
                rows.RemoveAt(request.Limit);
            }

            var last = rows.Count > 0 ? rows[^1].Position : after;
            return new ChangePage(rows, Paging.Encode(last.ToString(CultureInfo.InvariantCulture)), hasMore);
        }
    }
}
