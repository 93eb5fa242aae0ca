using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace PerfEval.FunctionalTests.Exports;

/// <summary>
/// A year's XLSX as Excel and WPS users open it: money #,##0.00, rates and scores 0.00, dates as date
/// cells, a bold frozen header with an autofilter, and columns wide enough for the Chinese names.
/// </summary>
public sealed class ExportFormattingTests(ExportFactory factory) : IClassFixture<ExportFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task ExportScorecards_AsXlsx_FormatsMoneyRatesAndScoresAndFitsTheNames()
    {
        var sheet = await SheetAsync("scorecards");

        var row = sheet.Rows.Single(r => r["部门编码"].Text == "GXQ-CYFWZX");
        Assert.Equal(("2523900", "#,##0.00"), (Trim(row["年初预算数(元)"].Text), row["年初预算数(元)"].Format));
        Assert.Equal(("99.8", "0.00"), (Trim(row["综合得分"].Text), row["综合得分"].Format));
        Assert.Equal(("98.04", "0.00"), (row["预算执行率(%)"].Text, row["预算执行率(%)"].Format));
        Assert.Equal(("9.8", "0.00"), (Trim(row["执行得分"].Text), row["执行得分"].Format));
        Assert.Equal(("2024", "0"), (row["年度"].Text, row["年度"].Format));
        Assert.Equal("优", row["评价等级"].Text);

        var name = row["部门名称"].Text;
        Assert.True(sheet.Widths["部门名称"] >= name.Length * 2, $"部门名称 is {sheet.Widths["部门名称"]} wide for a name of {name.Length} Chinese characters.");
        Assert.True(sheet.HeaderBold, "The header is not bold.");
        Assert.Equal(1, sheet.FrozenRows);
        Assert.Equal($"A1:{sheet.LastColumn}{sheet.Rows.Count + 1}", sheet.AutoFilter);
    }

    [Fact]
    public async Task ExportAdjustments_AsXlsx_WritesDatesAsDateCells()
    {
        var sheet = await SheetAsync("adjustments");

        var row = sheet.Rows.First(r => r["文号"].Text == "演示-2024-001");
        var date = row["生效日期"];
        Assert.Equal("yyyy-mm-dd", date.Format);
        Assert.Equal(new DateOnly(2024, 6, 30), DateOnly.FromDateTime(DateTime.FromOADate(double.Parse(date.Text, System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Equal("yyyy-mm-dd hh:mm:ss", row["记录时间(UTC)"].Format);
        Assert.Equal("#,##0.00", row["调整金额(元)"].Format);
    }

    private static string Trim(string number) => number.Contains('.') ? number.TrimEnd('0').TrimEnd('.') : number;

    private async Task<Sheet> SheetAsync(string dataset)
    {
        var response = await _client.GetAsync($"/api/v1/fiscal-years/2024/export?format=xlsx&dataset={dataset}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), isEditable: false);
        var problems = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(problems.Count == 0, "The workbook does not validate: " + string.Join("; ", problems));

        var workbook = document.WorkbookPart!;
        var stylesheet = workbook.WorkbookStylesPart!.Stylesheet!;
        var formats = stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        var custom = stylesheet.NumberingFormats!.Elements<NumberingFormat>().ToDictionary(n => n.NumberFormatId!.Value, n => n.FormatCode!.Value!);
        var fonts = stylesheet.Fonts!.Elements<Font>().ToList();
        string FormatOf(Cell c)
        {
            var id = formats[(int)(c.StyleIndex?.Value ?? 0)].NumberFormatId?.Value ?? 0;
            return id switch { 0 => "General", 1 => "0", 2 => "0.00", _ => custom.GetValueOrDefault(id, $"#{id}") };
        }

        var worksheet = Assert.Single(workbook.WorksheetParts).Worksheet!;
        var rows = worksheet.Descendants<Row>().ToList();
        var headerCells = rows[0].Elements<Cell>().ToList();
        var headers = headerCells.ToDictionary(c => Column(c), c => c.InlineString!.InnerText);
        var data = rows.Skip(1).Select(r => r.Elements<Cell>().ToDictionary(
            c => headers[Column(c)],
            c => new Value(c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue!.Text, FormatOf(c)))).ToList();
        var widths = worksheet.Descendants<Column>().ToDictionary(c => headers[ColumnName((int)c.Min!.Value - 1)], c => c.Width!.Value);
        var pane = worksheet.Descendants<Pane>().Single();
        return new Sheet(
            data,
            widths,
            headerCells.All(c => fonts[(int)formats[(int)c.StyleIndex!.Value].FontId!.Value].Bold is not null),
            pane.State?.Value == PaneStateValues.Frozen ? (int)pane.VerticalSplit!.Value : 0,
            worksheet.Descendants<AutoFilter>().Single().Reference!.Value!,
            ColumnName(headers.Count - 1));
    }

    private static string Column(Cell cell) => new([.. cell.CellReference!.Value!.TakeWhile(char.IsLetter)]);

    private static string ColumnName(int index) => index < 26 ? ((char)('A' + index)).ToString() : ColumnName((index / 26) - 1) + (char)('A' + (index % 26));

    private sealed record Value(string Text, string Format);

    private sealed record Sheet(List<Dictionary<string, Value>> Rows, Dictionary<string, double> Widths, bool HeaderBold, int FrozenRows, string AutoFilter, string LastColumn);
}
