using System.Text.RegularExpressions;
using PerfEval.Application.Indicators;
using static PerfEval.Application.ReportImports.ReportPhrases;

namespace PerfEval.Application.ReportImports;

/// <summary>
/// Reads indicators from a self-evaluation form (自评表) laid out as a table. Columns are found by the
/// words of their headers, which vary from form to form (三级指标 / 指标名称, 指标值 / 年度指标值,
/// 实际完成值 / 本次评价完成值, 分值 / 权重, 偏差原因分析及改进措施 …). A category cell merged over
/// several rows is carried down, and said to be (status inferred).
/// </summary>
internal static class IndicatorTableReading
{
    private static readonly Regex CellTarget = Pattern("^" + Operator + "?(?<n>" + Number + ")" + Unit);
    private static readonly Regex CellNumber = Pattern("(?<n>" + Number + ")");

    private enum Column
    {
        Level1,
        Level2,
        Name,
        Target,
        MidYear,
        Final,
        Completion,
        Weight,
        Score,
        Reason,
        Measure,
        ReasonAndMeasure,
    }

    public static List<IndicatorParts> Read(ReadingContext context, int firstSequence)
    {
        var indicators = new List<IndicatorParts>();
        foreach (var table in context.Document.Tables)
        {
            var header = table.Rows.Select((row, index) => (Columns: ColumnsOf(context, row), Index: index))
                .FirstOrDefault(h => h.Columns.ContainsValue(Column.Name) && h.Columns.ContainsValue(Column.Target));
            if (header.Columns is null)
            {
                continue;
            }

            string? level1 = null;
            string? level2 = null;
            foreach (var row in table.Rows.Skip(header.Index + 1))
            {
                var cells = header.Columns.ToDictionary(c => c.Value, c => c.Key < row.Count ? row[c.Key] : null);
                var nameCell = cells.GetValueOrDefault(Column.Name);
                if (nameCell is null || Cell(context, table, nameCell) is not { Text.Length: > 0 } name)
                {
                    continue;
                }

                var sequence = firstSequence + indicators.Count;
                indicators.Add(ReadRow(context, table, cells, name, sequence, ref level1, ref level2));
            }
        }

        return indicators;
    }

    private static IndicatorParts ReadRow(ReadingContext context, ReportTable table, Dictionary<Column, ReportTableCell?> cells,
        CellText name, int sequence, ref string? level1, ref string? level2)
    {
        CellText? Get(Column column) => cells.GetValueOrDefault(column) is { } cell ? Cell(context, table, cell) : null;
        List<FieldReading<string>> Texts(CellText? cell) => cell is { Text.Length: > 0 } c ? [new(c.Text, c.Evidence)] : [];

        var (level1Read, level1Inferred) = Category(context, Get(Column.Level1), ref level1);
        var (level2Read, level2Inferred) = Category(context, Get(Column.Level2), ref level2);

        var operators = new List<FieldReading<ComparisonOperator>>();
        var targets = new List<FieldReading<Quantity>>();
        var path = $"indicators[{sequence - 1}]";
        if (Get(Column.Target) is { Text.Length: > 0 } target && CellTarget.Match(target.Text) is { Success: true } t)
        {
            targets.Add(new(QuantityOf(t), target.Evidence));
            var op = OperatorOf(t.Groups["op"].Value, out var strict) ?? OperatorOfBound(t.Groups["bound"].Value);
            if (strict)
            {
                context.Flag("strictOperator", path + ".operator", "The target is stated as a strict comparison, which is none of ≥, ≤, =: choose one.", target.Evidence);
            }
            else if (op is { } known)
            {
                operators.Add(new(known, target.Evidence));
            }
        }

        var reasons = Texts(Get(Column.Reason));
        var measures = Texts(Get(Column.Measure));
        if (Get(Column.ReasonAndMeasure) is { Text.Length: > 0 } both)
        {
            // "偏差原因分析及改进措施" in one cell: split at 改进措施 when the writer names it, else all of it is the reason.
            var at = both.Text.IndexOf("改进措施", StringComparison.Ordinal);
            var reason = (at >= 0 ? both.Text[..at] : both.Text).Replace("偏差原因", "", StringComparison.Ordinal).Trim(':', ',', ';', '。');
            if (reason.Length > 0)
            {
                reasons.Add(new(reason, both.Evidence));
            }

            if (at >= 0)
            {
                measures.Add(new(both.Text[(at + 4)..].Trim(':', ',', ';', '。'), both.Evidence));
            }
        }

        return new IndicatorParts(
            sequence,
            [new(name.Text, name.Evidence)],
            level1Read,
            level2Read,
            operators,
            targets,
            Get(Column.Target) is { Text.Length: > 0 },
            Quantities(Get(Column.MidYear)),
            Quantities(Get(Column.Final)),
            Numbers(Get(Column.Completion)),
            Numbers(Get(Column.Weight)),
            Numbers(Get(Column.Score)),
            reasons,
            [],
            measures,
            level1Inferred,
            level2Inferred);
    }

    /// <summary>A category cell: read when printed; when merged or left empty below a printed one, the one above, as inferred.</summary>
    private static (List<FieldReading<string>> Read, List<FieldReading<string>>? Inferred) Category(ReadingContext context, CellText? cell, ref string? carried)
    {
        if (cell is { Text.Length: > 0 } printed)
        {
            carried = printed.Text;
            return ([new(printed.Text, printed.Evidence)], null);
        }

        return carried is null || cell is null ? ([], null) : ([], [new(carried, cell.Evidence)]);
    }

    private static List<FieldReading<Quantity>> Quantities(CellText? cell) =>
        cell is { Text.Length: > 0 } c && CellTarget.Match(c.Text) is { Success: true } m ? [new(QuantityOf(m), c.Evidence)] : [];

    private static List<FieldReading<decimal>> Numbers(CellText? cell) =>
        cell is { Text.Length: > 0 } c && CellNumber.Match(c.Text) is { Success: true } m ? [new(ParseNumber(m.Groups["n"].Value), c.Evidence)] : [];

    private static Quantity QuantityOf(Match m) => new(ParseNumber(m.Groups["n"].Value), m.Groups["unit"].Value);

    private static Dictionary<int, Column> ColumnsOf(ReadingContext context, IReadOnlyList<ReportTableCell> row)
    {
        var columns = new Dictionary<int, Column>();
        foreach (var cell in row)
        {
            var text = ReportText.NormaliseSpan(context.Document.Text, cell.Start, cell.Length, dropListMarkers: false).Text;
            Column? column = text switch
            {
                _ when text.Contains("偏差原因", StringComparison.Ordinal) && text.Contains("改进措施", StringComparison.Ordinal) => Column.ReasonAndMeasure,
                _ when text.Contains("偏差原因", StringComparison.Ordinal) => Column.Reason,
                _ when text.Contains("改进措施", StringComparison.Ordinal) => Column.Measure,
                _ when text.Contains("一级指标", StringComparison.Ordinal) => Column.Level1,
                _ when text.Contains("二级指标", StringComparison.Ordinal) => Column.Level2,
                _ when text.Contains("三级指标", StringComparison.Ordinal) || text.Contains("指标名称", StringComparison.Ordinal) || text == "绩效指标" => Column.Name,
                _ when text.Contains("年中", StringComparison.Ordinal) => Column.MidYear,
                _ when text.Contains("完成率", StringComparison.Ordinal) => Column.Completion,
                _ when text.Contains("完成", StringComparison.Ordinal) => Column.Final,
                _ when text.Contains("指标值", StringComparison.Ordinal) || text.Contains("目标值", StringComparison.Ordinal) => Column.Target,
                _ when text.Contains("得分", StringComparison.Ordinal) => Column.Score,
                _ when text.Contains("分值", StringComparison.Ordinal) || text.Contains("权重", StringComparison.Ordinal) => Column.Weight,
                _ => null,
            };
            if (column is { } c && !columns.ContainsValue(c))
            {
                columns[cell.Column] = c;
            }
        }

        return columns;
    }

    private static CellText Cell(ReadingContext context, ReportTable table, ReportTableCell cell)
    {
        var span = ReportText.NormaliseSpan(context.Document.Text, cell.Start, cell.Length, dropListMarkers: false);
        var reference = new TableCellRef(table.Index, cell.Row, cell.Column);
        var original = context.Document.Text.Substring(cell.Start, cell.Length);
        return new CellText(span.Text, new Evidence(original, cell.Start, cell.Length, reference));
    }

    private sealed record CellText(string Text, Evidence Evidence);
}
