using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace PerfEval.FunctionalTests.Reports;

/// <summary>Reads a rendered report or form back with the Open XML SDK, after its schema validator found nothing.</summary>
public static class RenderedFiles
{
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static async Task<byte[]> DownloadAsync(HttpClient client, string url, string contentType)
    {
        var response = await client.GetAsync(url);
        var raw = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200 from {url}, got {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(raw)}");
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        var disposition = response.Content.Headers.ContentDisposition;
        Assert.NotNull(disposition);
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.False(string.IsNullOrEmpty(disposition.FileNameStar), "Content-Disposition has no filename* (RFC 6266) for the Chinese name.");
        Assert.Contains("部门单位整体支出绩效自评", disposition.FileNameStar);
        Assert.Matches("^\"?[A-Za-z0-9-]+\\.(docx|xlsx)\"?$", disposition.FileName);
        return raw;
    }

    /// <summary>The document's text, one paragraph a line (table cells are paragraphs too).</summary>
    public static string ReportText(byte[] docx)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), isEditable: false);
        AssertValid(new OpenXmlValidator().Validate(document));
        var body = document.MainDocumentPart!.Document!.Body!;
        return string.Join("\n", body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
    }

    public static WordprocessingDocument OpenReport(byte[] docx) => WordprocessingDocument.Open(new MemoryStream(docx), isEditable: false);

    /// <summary>The form's cells by reference ("B5"): text, or the number as stored, and the cell's number format.</summary>
    public static FormSheet Form(byte[] xlsx)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), isEditable: false);
        AssertValid(new OpenXmlValidator().Validate(document));
        var workbook = document.WorkbookPart!;
        var worksheet = Assert.Single(workbook.WorksheetParts).Worksheet!;
        var stylesheet = workbook.WorkbookStylesPart!.Stylesheet!;
        var formats = stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        var custom = stylesheet.NumberingFormats?.Elements<NumberingFormat>().ToDictionary(n => n.NumberFormatId!.Value, n => n.FormatCode!.Value!) ?? [];
        string FormatOf(Cell c)
        {
            var id = formats[(int)(c.StyleIndex?.Value ?? 0)].NumberFormatId?.Value ?? 0;
            return id switch { 0 => "General", 2 => "0.00", 4 => "#,##0.00", _ => custom.GetValueOrDefault(id, $"#{id}") };
        }

        var cells = worksheet.Descendants<Cell>().Where(c => c.CellValue is not null || c.InlineString is not null).ToDictionary(
            c => c.CellReference!.Value!,
            c => new FormCell(
                c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue!.Text,
                c.DataType?.Value == CellValues.Number || c.DataType is null,
                FormatOf(c)));
        var merges = worksheet.Descendants<MergeCell>().Select(m => m.Reference!.Value!).ToList();
        var pane = worksheet.Descendants<Pane>().SingleOrDefault();
        var widths = worksheet.Descendants<Column>().ToDictionary(c => (int)c.Min!.Value, c => c.Width!.Value);
        return new FormSheet(cells, merges, pane?.State?.Value == PaneStateValues.Frozen ? (int)(pane.VerticalSplit?.Value ?? 0) : 0, widths);
    }

    private static void AssertValid(IEnumerable<ValidationErrorInfo> errors)
    {
        var problems = errors.Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(problems.Count == 0, "The document does not validate: " + string.Join("; ", problems));
    }
}

public sealed record FormCell(string Text, bool IsNumber, string Format);

public sealed record FormSheet(IReadOnlyDictionary<string, FormCell> Cells, IReadOnlyList<string> Merges, int FrozenRows, IReadOnlyDictionary<int, double> Widths)
{
    /// <summary>The row whose first cell reads <paramref name="label"/>.</summary>
    public int RowOf(string label) => int.Parse(Cells.Single(c => c.Key.StartsWith('A') && c.Value.Text == label).Key[1..], System.Globalization.CultureInfo.InvariantCulture);

    public FormCell At(string column, int row) => Cells[$"{column}{row}"];
}
