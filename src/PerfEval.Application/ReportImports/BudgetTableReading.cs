using System.Text.RegularExpressions;
using static PerfEval.Application.ReportImports.ReportPhrases;

namespace PerfEval.Application.ReportImports;

/// <summary>
/// Reads the budget row of a self-evaluation form laid out as a table (年初预算数 | 全年预算数 |
/// 全年执行数 | 分值 | 执行率 | 得分, the row 年度资金总额 or 合计). Cells carry bare numbers, so an amount
/// is read only when the form states its unit: in the column's header ("年初预算数(万元)"), in a cell
/// of the table, or in the paragraph just before it ("单位:万元"); otherwise it is flagged, not guessed.
/// </summary>
internal static class BudgetTableReading
{
    private static readonly Regex UnitStatement = Pattern(@"单位[:]?(?<unit>万元|元)|\((?<unit>万元|元)\)");
    private static readonly Regex CellNumber = Pattern("^(?<n>" + Number + ")(?<percent>%)?$");
    private static readonly string[] TotalRows = ["资金总额", "年度资金", "合计", "总计"];

    public static BudgetTableReadings Read(ReadingContext context)
    {
        var readings = new BudgetTableReadings();
        ReportParagraph? previous = null;
        foreach (var block in context.Document.Blocks)
        {
            if (block is ReportParagraph paragraph)
            {
                previous = paragraph;
                continue;
            }

            if (block is ReportTable table)
            {
                ReadTable(context, table, previous, readings);
            }
        }

        return readings;
    }

    private static void ReadTable(ReadingContext context, ReportTable table, ReportParagraph? caption, BudgetTableReadings readings)
    {
        string Text(ReportTableCell cell) => ReportText.NormaliseSpan(context.Document.Text, cell.Start, cell.Length, dropListMarkers: false).Text;

        var headerIndex = -1;
        var columns = new Dictionary<int, string>();
        for (var r = 0; r < table.Rows.Count && headerIndex < 0; r++)
        {
            columns = table.Rows[r].Select(c => (c.Column, Field: FieldOf(Text(c)))).Where(c => c.Field is not null).ToDictionary(c => c.Column, c => c.Field!);
            if (columns.ContainsValue("initial") && columns.ContainsValue("executed"))
            {
                headerIndex = r;
            }
        }

        if (headerIndex < 0)
        {
            return;
        }

        var tableUnit = table.Rows.SelectMany(row => row).Select(c => UnitStatement.Match(Text(c))).FirstOrDefault(m => m.Success)?.Groups["unit"].Value
            ?? (caption is null ? null : UnitStatement.Match(ReportText.NormaliseSpan(context.Document.Text, caption.Start, caption.Length, false).Text) is { Success: true } m ? m.Groups["unit"].Value : null);

        foreach (var row in table.Rows.Skip(headerIndex + 1))
        {
            var label = string.Concat(row.Take(2).Select(Text));
            if (!TotalRows.Any(w => label.Contains(w, StringComparison.Ordinal)) || label.Contains("其中", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var cell in row)
            {
                if (!columns.TryGetValue(cell.Column, out var field) || CellNumber.Match(Text(cell)) is not { Success: true } number)
                {
                    continue;
                }

                var value = ParseNumber(number.Groups["n"].Value);
                var evidence = new Evidence(context.Document.TextOf(cell), cell.Start, cell.Length, new TableCellRef(table.Index, cell.Row, cell.Column));
                switch (field)
                {
                    case "executionRate":
                        readings.ExecutionRate.Add(new(value, evidence));
                        break;
                    case "executionScore":
                        readings.ExecutionScore.Add(new(value, evidence));
                        break;
                    default:
                        var header = table.Rows[headerIndex].FirstOrDefault(c => c.Column == cell.Column);
                        var unit = (header is null ? null : UnitStatement.Match(Text(header)) is { Success: true } h ? h.Groups["unit"].Value : null) ?? tableUnit;
                        if (unit is null)
                        {
                            context.Flag("amountUnitNotStated", "budget." + field,
                                "The form's amount has no unit (万元 or 元) in its header, table or caption: not read.", evidence);
                            break;
                        }

                        readings.For(field).Add(new(value * (unit == "万元" ? 10_000m : 1m), evidence));
                        break;
                }
            }

            return;
        }
    }

    /// <summary>A header's field by its words; 执行率 before 执行, 执行 before 全年预算 (全年执行数).</summary>
    private static string? FieldOf(string header) => header switch
    {
        _ when header.Contains("执行率", StringComparison.Ordinal) => "executionRate",
        _ when header.Contains("得分", StringComparison.Ordinal) => "executionScore",
        _ when header.Contains("执行", StringComparison.Ordinal) || header.Contains("实际支出", StringComparison.Ordinal) => "executed",
        _ when header.Contains("年初", StringComparison.Ordinal) => "initial",
        _ when header.Contains("全年预算", StringComparison.Ordinal) || header.Contains("调整后", StringComparison.Ordinal) => "adjusted",
        _ => null,
    };
}

/// <summary>What the budget rows of forms said, to be resolved together with the prose's readings.</summary>
internal sealed class BudgetTableReadings
{
    public List<FieldReading<decimal>> Initial { get; } = [];

    public List<FieldReading<decimal>> Adjusted { get; } = [];

    public List<FieldReading<decimal>> Executed { get; } = [];

    public List<FieldReading<decimal>> ExecutionRate { get; } = [];

    public List<FieldReading<decimal>> ExecutionScore { get; } = [];

    public List<FieldReading<decimal>> For(string field) => field switch
    {
        "initial" => Initial,
        "adjusted" => Adjusted,
        _ => Executed,
    };
}
