using System.Text.Json;
using PerfEval.Application.Common;

namespace PerfEval.Application.ReportImports;

/// <summary>An uploaded report and the draft read from it, waiting for a reviewer.</summary>
/// <param name="Id">The import's id.</param>
/// <param name="Status">draft: read, not yet committed; committed: its data is stored and it no longer changes.</param>
/// <param name="DepartmentCode">The existing department the report names (matched by its name), or null.</param>
/// <param name="FiscalYear">The fiscal year the report states, or null.</param>
/// <param name="FileName">The uploaded file's name, when it was sent.</param>
/// <param name="MediaType">text/plain, the Word media type or application/pdf.</param>
/// <param name="FileSize">The file's size in bytes.</param>
/// <param name="FileSha256">Lower-case hex SHA-256 of the file.</param>
/// <param name="ClientName">The client that uploaded it.</param>
/// <param name="Version">The row version (its ETag).</param>
/// <param name="CreatedAt">When it was uploaded.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="Draft">The draft: every figure with its status and the text it was read from (see the report reader).</param>
/// <param name="CommittedAt">When it was committed; null while a draft.</param>
/// <param name="CommittedBy">The client that committed it; null while a draft.</param>
public sealed record ReportImportResponse(
    long Id,
    string Status,
    string? DepartmentCode,
    int? FiscalYear,
    string? FileName,
    string MediaType,
    long FileSize,
    string FileSha256,
    string ClientName,
    int Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    JsonElement Draft,
    DateTimeOffset? CommittedAt = null,
    string? CommittedBy = null) : IVersioned;

/// <summary>An import in a list: everything but the draft itself (GET the import for that).</summary>
/// <param name="Id"><inheritdoc cref="PerfEval.Application.ReportImports.ReportImportResponse.Id"/></param>
/// <param name="Status">draft, or committed once its data was written.</param>
/// <param name="DepartmentCode"><inheritdoc cref="PerfEval.Application.Adjustments.BudgetAdjustmentResponse.DepartmentCode"/></param>
/// <param name="FiscalYear"><inheritdoc cref="PerfEval.Application.Adjustments.BudgetAdjustmentResponse.FiscalYear"/></param>
/// <param name="FileName"><inheritdoc cref="PerfEval.Application.ReportImports.ReportImportResponse.FileName"/></param>
/// <param name="MediaType"><inheritdoc cref="PerfEval.Application.ReportImports.ReportImportResponse.MediaType"/></param>
/// <param name="FileSize"><inheritdoc cref="PerfEval.Application.ReportImports.ReportImportResponse.FileSize"/></param>
/// <param name="FileSha256"><inheritdoc cref="PerfEval.Application.ReportImports.ReportImportResponse.FileSha256"/></param>
/// <param name="ClientName"><inheritdoc cref="PerfEval.Application.ReportImports.ReportImportResponse.ClientName"/></param>
/// <param name="Version"><inheritdoc cref="PerfEval.Application.Budgets.BudgetLineResponse.Version"/></param>
/// <param name="CreatedAt"><inheritdoc cref="PerfEval.Application.ReportImports.ReportImportResponse.CreatedAt"/></param>
/// <param name="UpdatedAt"><inheritdoc cref="PerfEval.Application.Budgets.BudgetLineResponse.UpdatedAt"/></param>
/// <param name="CommittedAt">When it was committed; null while a draft.</param>
public sealed record ReportImportSummary(
    long Id,
    string Status,
    string? DepartmentCode,
    int? FiscalYear,
    string? FileName,
    string MediaType,
    long FileSize,
    string FileSha256,
    string ClientName,
    int Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? CommittedAt = null);

/// <summary>A report_imports row as stored.</summary>
internal sealed record ReportImportRow
{
    public long Id { get; init; }
    public string Status { get; init; } = "";
    public string? DepartmentCode { get; init; }
    public int? FiscalYear { get; init; }
    public string? FileName { get; init; }
    public string MediaType { get; init; } = "";
    public long FileSize { get; init; }
    public string FileSha256 { get; init; } = "";
    public string ClientName { get; init; } = "";
    public int Version { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public string Draft { get; init; } = "";
    public DateTimeOffset? CommittedAt { get; init; }
    public string? CommittedBy { get; init; }

    public const string Columns = """
        id AS Id, status AS Status, department_code AS DepartmentCode, fiscal_year AS FiscalYear,
        file_name AS FileName, media_type AS MediaType, file_size AS FileSize, file_sha256 AS FileSha256,
        client_name AS ClientName, version AS Version, created_at AS CreatedAt, updated_at AS UpdatedAt, draft AS Draft,
        committed_at AS CommittedAt, committed_by AS CommittedBy
        """;

    public ReportImportResponse ToResponse()
    {
        using var draft = JsonDocument.Parse(Draft);
        return new(Id, Status, DepartmentCode, FiscalYear, FileName, MediaType, FileSize, FileSha256, ClientName,
            Version, CreatedAt, UpdatedAt, draft.RootElement.Clone(), CommittedAt, CommittedBy);
    }

    /// <summary>
    /// A draft that matched no department belongs to its uploader alone while the client is limited
    /// (one that matched a department is checked against the department, as every resource is).
    /// </summary>
    public bool VisibleTo(IRequestContext context) =>
        !context.IsRestricted() || DepartmentCode is not null || ClientName == context.ClientName;
}

/// <summary>Where an uploaded report stands.</summary>
public static class ReportImportStatus
{
    /// <summary>Read, not yet committed.</summary>
    public const string Draft = "draft";

    /// <summary>Committed: the draft is kept as it was committed, for the audit trail.</summary>
    public const string Committed = "committed";
}
