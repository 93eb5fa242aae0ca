using PerfEval.Application.Common;

namespace PerfEval.Application.Adjustments;

/// <summary>年中调增/调减: one signed entry of the append-only adjustment ledger.</summary>
public sealed record BudgetAdjustmentResponse : IDepartmentOwned
{
    public const string Columns = """
        id AS Id, line_id AS LineId, department_code AS DepartmentCode, fiscal_year AS FiscalYear, amount AS Amount,
        document_number AS DocumentNumber, reason AS Reason, effective_date AS EffectiveDate, source_system AS SourceSystem,
        source_item_id AS SourceItemId, reverses_id AS ReversesId, client_name AS ClientName, created_at AS CreatedAt
        """;

    public long Id { get; init; }
    public long LineId { get; init; }
    public required string DepartmentCode { get; init; }
    public int FiscalYear { get; init; }

    /// <summary>Signed amount in yuan: positive 调增, negative 调减.</summary>
    public decimal Amount { get; init => field = Rates.Yuan(value); }

    /// <summary>文号.</summary>
    public required string DocumentNumber { get; init; }
    public required string Reason { get; init; }
    public DateOnly EffectiveDate { get; init; }
    public required string SourceSystem { get; init; }
    public required string SourceItemId { get; init; }

    /// <summary>The adjustment this one corrects, when it is a reversal.</summary>
    public long? ReversesId { get; init; }
    public required string ClientName { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}
