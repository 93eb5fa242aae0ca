using System.Runtime.CompilerServices;
using PerfEval.Application.Common;
using PerfEval.Application.Monitoring;

namespace PerfEval.Application.Exports;

/// <summary>One row per department's latest monitoring round, as GET /fiscal-years/{year}/monitoring shows it, by department code.</summary>
internal static class MonitoringExport
{
    public static readonly ExportColumn<MonitoringRow>[] Columns =
    [
        new("部门编码", r => r.DepartmentCode),
        new("部门名称", r => r.DepartmentName),
        new("所属区域", r => r.Region),
        new("截止日期", r => r.AsOf),
        new("综合灯", r => r.CombinedLight, ExportColumnKind.Label),
        new("预算灯", r => r.BudgetLight, ExportColumnKind.Label),
        new("目标灯", r => r.GoalLight, ExportColumnKind.Label),
        new("红灯指标数", r => r.RedIndicators),
        new("黄灯指标数", r => r.YellowIndicators),
        new("绿灯指标数", r => r.GreenIndicators),
        new("蓝灯指标数", r => r.BlueIndicators),
        new("发现数", r => r.FindingCount),
    ];

    private const string RowsSql = $"""
        SELECT {ListYearMonitoring.Handler.Columns}
        FROM monitoring_cards c JOIN departments d ON d.code = c.department_code
        WHERE c.fiscal_year = @Year AND c.is_latest = 1 AND c.department_code > @After
          AND (@Unrestricted = 1 OR d.region IN @Regions OR d.code IN @Departments)
        ORDER BY c.department_code
        LIMIT @Take
        """;

    public static async IAsyncEnumerable<MonitoringRow> RowsAsync(DbSession db, IRequestContext context, int year, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var row in ExportChunks.ByKeyAsync<ListYearMonitoring.Handler.PageRow>(db, RowsSql, context, year, r => r.DepartmentCode, string.Empty, ct))
        {
            yield return row.ToRow();
        }
    }
}
