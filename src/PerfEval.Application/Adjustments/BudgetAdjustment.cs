using PerfEval.Application.Common;
using PerfEval.Application.Scoring;

namespace PerfEval.Application.Adjustments;

/// <summary>年中调增/调减: one signed entry of the append-only adjustment ledger.</summary>
public sealed record BudgetAdjustmentResponse : IDepartmentOwned
{
    public const string Columns = """
        id AS Id, line_id AS LineId, department_code AS DepartmentCode, fiscal_year AS FiscalYear, amount AS Amount,
        document_number AS DocumentNumber, reason AS Reason, effective_date AS EffectiveDate, source_system AS SourceSystem,
        source_item_id AS SourceItemId, reverses_id AS ReversesId, client_name AS ClientName, created_at AS CreatedAt
        """;

    /// <summary>
    /// SQLite: records the ledger rows appended after id <c>@After</c> in the change feed, with one
    /// statement (a trigger there would fire once per row). Every writer of the ledger runs it in
    /// the transaction of its append; SQL Server's trigger does it there.
    /// </summary>
    public const string RecordAppendedInFeedSql = """
        INSERT INTO changes (entity_type, entity_key, department_code, version, operation, changed_at)
        SELECT 'budgetAdjustment', CAST(id AS TEXT), department_code, 1, 'Created', created_at
        FROM budget_adjustments WHERE id > @After ORDER BY id
        """;

    public long Id { get; init; }
    public long LineId { get; init; }
    public required string DepartmentCode { get; init; }
    public int FiscalYear { get; init; }

    /// <summary>Signed amount in yuan: positive 调增, negative 调减.</summary>
    public decimal Amount { get; init => field = Rounding.Money(value); }

    /// <summary>文号; null when the source does not state one (an imported report states the year's total only).</summary>
    public string? DocumentNumber { get; init; }
    public required string Reason { get; init; }
    public DateOnly EffectiveDate { get; init; }
    public required string SourceSystem { get; init; }
    public required string SourceItemId { get; init; }

    /// <summary>The adjustment this one corrects, when it is a reversal.</summary>
    public long? ReversesId { get; init; }
    public required string ClientName { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}
