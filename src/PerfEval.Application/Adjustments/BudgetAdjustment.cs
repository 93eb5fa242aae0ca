using PerfEval.Application.Common;
using PerfEval.Application.Scoring;

namespace PerfEval.Application.Adjustments;

/// <summary>One signed entry of the append-only adjustment ledger (年中调增/调减).</summary>
public sealed record BudgetAdjustmentResponse : IDepartmentOwned
{
    /// <summary>The table's columns as Dapper reads them into this record.</summary>
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

    /// <summary>Adjustment id (ledger position).</summary>
    public long Id { get; init; }
    /// <summary>The budget line adjusted.</summary>
    public long LineId { get; init; }
    /// <summary>Department code (部门单位编码): ASCII letters, digits, '-' and '_', e.g. `GXQ-GYYQ`.</summary>
    public required string DepartmentCode { get; init; }
    /// <summary>Fiscal year (年度), e.g. 2024.</summary>
    public int FiscalYear { get; init; }

    /// <summary>Signed amount: positive 调增 increase, negative 调减 decrease. Yuan (元), exact decimal shown with 2 decimals.</summary>
    public decimal Amount { get; init => field = Rounding.Money(value); }

    /// <summary>文号 number of the document that decided the adjustment, e.g. 新区财预〔2024〕18号; null when the source does not state one (an imported report states the year's total only).</summary>
    public string? DocumentNumber { get; init; }
    /// <summary>调整原因 reason for the adjustment.</summary>
    public required string Reason { get; init; }
    /// <summary>Date the adjustment takes effect (2000-01-01 … 2101-12-31).</summary>
    public DateOnly EffectiveDate { get; init; }
    /// <summary>The system that pushed the adjustment, e.g. `budget-platform`.</summary>
    public required string SourceSystem { get; init; }
    /// <summary>The adjustment's id in the source system; unique per source system (a repeat is 409).</summary>
    public required string SourceItemId { get; init; }

    /// <summary>The adjustment this one reverses (its exact opposite, on the same line, once); null otherwise.</summary>
    public long? ReversesId { get; init; }
    /// <summary>The API client that pushed it (as the audit log names it).</summary>
    public required string ClientName { get; init; }
    /// <summary>When it was recorded (UTC).</summary>
    public DateTimeOffset CreatedAt { get; init; }
}
