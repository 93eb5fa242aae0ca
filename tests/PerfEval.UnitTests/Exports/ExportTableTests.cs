using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using PerfEval.Application.Budgets;
using PerfEval.Application.Evaluations;
using PerfEval.Application.Exports;

namespace PerfEval.UnitTests.Exports;

/// <summary>The export writer's column kinds: a label column writes the Chinese label and the API's code side by side, in CSV and XLSX alike.</summary>
public sealed class ExportTableTests
{
    private sealed record Adjustment(Grade Grade, FundingSource Source, decimal Amount, DateOnly Date);

    private static readonly ExportColumn<Adjustment>[] Columns =
    [
        new("评价等级", r => r.Grade, ExportColumnKind.Label),
        new("资金来源", r => r.Source, ExportColumnKind.Label),
        new("调整金额(元)", r => r.Amount),
        new("生效日期", r => r.Date),
    ];

    private static readonly Adjustment[] Rows =
    [
        new(Grade.Excellent, FundingSource.OwnLevel, 9_000_000.00m, new DateOnly(2024, 6, 30)),
        new(Grade.Good, FundingSource.Superior, -12.50m, new DateOnly(2024, 1, 1)),
    ];

    [Fact]
    public async Task WriteCsv_WithLabelColumns_WritesTheLabelAndTheCodeInTheirOwnColumns()
    {
        var text = Encoding.UTF8.GetString(await WriteAsync(ExportFormat.Csv));

        Assert.StartsWith("\uFEFF", text);
        var lines = text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("评价等级,评价等级代码,资金来源,资金来源代码,调整金额(元),生效日期", lines[0]);
        Assert.Equal("优,excellent,本级资金,ownLevel,9000000.00,2024-06-30", lines[1]);
        Assert.Equal("良,good,上级资金,superior,-12.50,2024-01-01", lines[2]);
    }

    [Fact]
    public async Task WriteXlsx_WithLabelColumns_ValidatesAndTypesEveryCell()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(await WriteAsync(ExportFormat.Xlsx)), isEditable: false);
        Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}"));

        var workbook = document.WorkbookPart!;
        var formats = workbook.WorkbookStylesPart!.Stylesheet!.CellFormats!.Elements<CellFormat>().ToList();
        var cells = workbook.WorksheetParts.Single().Worksheet!.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);
        Assert.Equal("评价等级代码", cells["B1"].InlineString!.InnerText);
        Assert.Equal("优", cells["A2"].InlineString!.InnerText);
        Assert.Equal("excellent", cells["B2"].InlineString!.InnerText);
        Assert.Equal("ownLevel", cells["D2"].InlineString!.InnerText);
        Assert.Equal("9000000.00", cells["E2"].CellValue!.Text);
        Assert.Equal(164U, formats[(int)cells["E2"].StyleIndex!.Value].NumberFormatId!.Value);
        Assert.Equal("45473", cells["F2"].CellValue!.Text);
        Assert.Equal(165U, formats[(int)cells["F2"].StyleIndex!.Value].NumberFormatId!.Value);
        Assert.Equal("A1:F3", workbook.WorksheetParts.Single().Worksheet!.Descendants<AutoFilter>().Single().Reference!.Value);
    }

    [Fact]
    public async Task WriteXlsx_PastTheMeasuredRows_WritesEveryRowInOrder()
    {
        var many = Enumerable.Range(0, XlsxTable<Adjustment>.MeasuredRows + 5).Select(i => Rows[0] with { Amount = i }).ToArray();

        using var document = SpreadsheetDocument.Open(new MemoryStream(await WriteAsync(ExportFormat.Xlsx, many)), isEditable: false);

        var amounts = document.WorkbookPart!.WorksheetParts.Single().Worksheet!.Descendants<Row>().Skip(1)
            .Select(r => r.Elements<Cell>().Single(c => c.CellReference!.Value!.StartsWith('E')).CellValue!.Text).ToList();
        Assert.Equal(many.Select(r => r.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture)), amounts);
    }

    private static async Task<byte[]> WriteAsync(ExportFormat format, Adjustment[]? rows = null)
    {
        using var output = new MemoryStream();
        await ExportTable.WriteAsync(format, output, "测试", Columns, (rows ?? Rows).ToAsyncEnumerable(), CancellationToken.None);
        return output.ToArray();
    }
}
