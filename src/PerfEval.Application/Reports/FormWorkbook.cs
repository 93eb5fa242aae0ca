using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PerfEval.Application.Common;

namespace PerfEval.Application.Reports;

/// <summary>
/// The 自评表 as one sheet: a merged title, the funds block and the indicator block with borders,
/// money as numbers formatted #,##0.00 (万元), rates and scores 0.00, column widths that fit Chinese
/// text, and the rows down to the funds header frozen.
/// </summary>
internal static class FormWorkbook
{
    private const int Columns = 8;

    public static byte[] Write(ReportFacts facts)
    {
        var form = SelfEvaluationForm.From(facts);
        var sheet = new SheetBuilder();
        sheet.Merged(FormStyle.Title, "部门单位整体支出绩效自评表");
        sheet.Merged(FormStyle.Subtitle, $"({facts.FiscalYear}年度)");
        // The name and the date span merged cells: they do not set their first column's width.
        sheet.Row(
            fit: false,
            (FormStyle.Header, "部门单位名称"), (FormStyle.Text, facts.Department.Name), (FormStyle.Text, null), (FormStyle.Text, null),
            (FormStyle.Text, null), (FormStyle.Header, "填报时间"), (FormStyle.Text, ReportFigures.Date(facts.Narrative?.FiledOn)), (FormStyle.Text, null));
        sheet.Merge(3, 2, 5);
        sheet.Merge(3, 7, 8);
        sheet.Row([.. SelfEvaluationForm.FundsHeaders.Select(h => (FormStyle.Header, (object?)h))]);
        var frozenRows = sheet.RowCount;
        foreach (var row in form.Funds)
        {
            sheet.Row(
                (FormStyle.Text, row.Label),
                (FormStyle.Money, ReportFigures.Wan(row.Totals.Initial)),
                (FormStyle.Money, ReportFigures.Wan(row.Totals.Adjusted)),
                (FormStyle.Money, ReportFigures.Wan(row.Totals.Executed)),
                (FormStyle.Decimal, row.Weight),
                (FormStyle.Decimal, row.Totals.ExecutionRate),
                (FormStyle.Decimal, row.Score));
        }

        sheet.Row();
        sheet.Row([.. SelfEvaluationForm.IndicatorHeaders.Select(h => (FormStyle.Header, (object?)h))]);
        foreach (var row in form.Indicators)
        {
            sheet.Row(
                (FormStyle.Text, row.Category), (FormStyle.Text, row.Subcategory), (FormStyle.Text, row.Name), (FormStyle.Text, row.Target),
                (FormStyle.Text, row.Actual), (FormStyle.Decimal, row.Weight), (FormStyle.Decimal, row.Score), (FormStyle.Wrapped, row.Deviation));
        }

        sheet.Row(
            (FormStyle.Header, "总分"), (FormStyle.Header, null), (FormStyle.Header, null), (FormStyle.Header, null), (FormStyle.Header, null),
            (FormStyle.Decimal, form.WeightTotal), (FormStyle.Decimal, form.Composite), (FormStyle.Header, $"评价结果：{form.Grade}"));
        sheet.Merge(sheet.RowCount, 1, 5);
        return sheet.Save("自评表", frozenRows);
    }

    /// <summary>The cell formats of the stylesheet, by index.</summary>
    private enum FormStyle : uint
    {
        Default = 0,
        Title = 1,
        Subtitle = 2,
        Header = 3,
        Text = 4,
        Wrapped = 5,
        Money = 6,
        Decimal = 7,
    }

    private sealed class SheetBuilder
    {
        private readonly SheetData _data = new();
        private readonly List<string> _merges = [];
        private readonly double[] _widths = new double[Columns];

        public int RowCount { get; private set; }

        public void Merged(FormStyle style, string text)
        {
            Row(fit: false, [(style, text), .. Enumerable.Repeat((style, (object?)null), Columns - 1)]);
            Merge(RowCount, 1, Columns);
        }

        public void Merge(int row, int from, int to) => _merges.Add($"{Name(from)}{row}:{Name(to)}{row}");

        public void Row(params (FormStyle Style, object? Value)[] cells) => Row(fit: true, cells);

        public void Row(bool fit, params (FormStyle Style, object? Value)[] cells)
        {
            RowCount++;
            var row = new Row { RowIndex = (uint)RowCount };
            for (var i = 0; i < cells.Length; i++)
            {
                var (style, value) = cells[i];
                var cell = new Cell { CellReference = $"{Name(i + 1)}{RowCount}", StyleIndex = (uint)style };
                switch (value)
                {
                    case decimal number:
                        cell.DataType = CellValues.Number;
                        cell.CellValue = new CellValue(number.ToString(CultureInfo.InvariantCulture));
                        if (fit)
                        {
                            Fit(i, number.ToString("#,##0.00", CultureInfo.InvariantCulture));
                        }

                        break;
                    case string { Length: > 0 } text:
                        cell.DataType = CellValues.InlineString;
                        cell.InlineString = new InlineString(new Text(text));
                        if (fit && style is not FormStyle.Title and not FormStyle.Subtitle)
                        {
                            Fit(i, text);
                        }

                        break;
                }

                row.Append(cell);
            }

            _data.Append(row);
        }

        public byte[] Save(string sheetName, int frozenRows)
        {
            using var stream = new MemoryStream();
            using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
            {
                var workbook = document.AddWorkbookPart();
                workbook.Workbook = new Workbook();
                var styles = workbook.AddNewPart<WorkbookStylesPart>();
                styles.Stylesheet = Stylesheet();
                var worksheet = workbook.AddNewPart<WorksheetPart>();
                // Printed (and converted to PDF) one page wide, landscape.
                worksheet.Worksheet = new Worksheet(
                    new SheetProperties(new PageSetupProperties { FitToPage = true }),
                    new SheetViews(new SheetView(
                        new Pane { VerticalSplit = frozenRows, TopLeftCell = $"A{frozenRows + 1}", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen })
                    { WorkbookViewId = 0U }),
                    new DocumentFormat.OpenXml.Spreadsheet.Columns(_widths.Select((w, i) => new Column
                    {
                        Min = (uint)(i + 1), Max = (uint)(i + 1), Width = Math.Max(w, 8), CustomWidth = true,
                    })),
                    _data,
                    new MergeCells(_merges.Select(m => new MergeCell { Reference = m })),
                    new PageSetup { PaperSize = 9U, FitToWidth = 1U, FitToHeight = 0U, Orientation = OrientationValues.Landscape });
                workbook.Workbook.Append(new Sheets(new Sheet { Name = sheetName, SheetId = 1U, Id = workbook.GetIdOfPart(worksheet) }));
                workbook.Workbook.Save();
            }

            return stream.ToArray();
        }

        /// <summary>A column as wide as its widest cell: CJK characters count double; long text wraps at 50 (rows grow to fit).</summary>
        private void Fit(int column, string text) => _widths[column] = Math.Max(_widths[column], Math.Min(TextWidth.Of(text) + 2, 50));

        private static string Name(int column) => ((char)('A' + column - 1)).ToString();

        private static Stylesheet Stylesheet()
        {
            var thin = new Border(
                new LeftBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin },
                new RightBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin },
                new TopBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin },
                new BottomBorder(new Color { Auto = true }) { Style = BorderStyleValues.Thin },
                new DiagonalBorder());
            static Font Font(double size, bool bold) => bold
                ? new Font(new Bold(), new FontSize { Val = size }, new FontName { Val = "宋体" })
                : new Font(new FontSize { Val = size }, new FontName { Val = "宋体" });
            static CellFormat Format(uint font, uint border, uint numberFormat, HorizontalAlignmentValues align, bool wrap, uint fill = 0) => new(
                new Alignment { Horizontal = align, Vertical = VerticalAlignmentValues.Center, WrapText = wrap })
            {
                FontId = font, FillId = fill, BorderId = border, NumberFormatId = numberFormat,
                ApplyFont = true, ApplyBorder = true, ApplyAlignment = true, ApplyNumberFormat = numberFormat != 0, ApplyFill = fill != 0,
            };

            return new Stylesheet(
                new NumberingFormats(new NumberingFormat { NumberFormatId = 164U, FormatCode = "#,##0.00" }) { Count = 1U },
                new Fonts(Font(11, false), Font(16, true), Font(12, false), Font(11, true)) { Count = 4U },
                new Fills(
                    new Fill(new PatternFill { PatternType = PatternValues.None }),
                    new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                    new Fill(new PatternFill(new ForegroundColor { Rgb = "FFD9E1F2" }) { PatternType = PatternValues.Solid })) { Count = 3U },
                new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()), thin) { Count = 2U },
                new CellFormats(
                    new CellFormat { FontId = 0U, FillId = 0U, BorderId = 0U, NumberFormatId = 0U },
                    Format(1, 0, 0, HorizontalAlignmentValues.Center, false),
                    Format(2, 0, 0, HorizontalAlignmentValues.Center, false),
                    Format(3, 1, 0, HorizontalAlignmentValues.Center, true, fill: 2),
                    Format(0, 1, 0, HorizontalAlignmentValues.Left, true),
                    Format(0, 1, 0, HorizontalAlignmentValues.Left, true),
                    Format(0, 1, 164, HorizontalAlignmentValues.Right, false),
                    Format(0, 1, 2, HorizontalAlignmentValues.Right, false)) { Count = 8U });
        }
    }
}
