namespace PerfEval.FunctionalTests.Reports;

/// <summary>
/// The rendered report and form as a reader sees them: converted to PDF by LibreOffice (one run for
/// both files) and read back as text, they show the worked example's figures of seed report 000.
/// </summary>
public sealed class ReportPdfTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    private readonly HttpClient _client = factory.CreateClient(PerfEvalFactory.AdminKey);

    [Fact]
    public async Task ReportAndForm_ConvertedToPdf_ShowTheWorkedExampleFigures()
    {
        const string url = "/api/v1/departments/GXQ-GYYQ/evaluations/2024";
        var files = new Dictionary<string, byte[]>
        {
            ["report.docx"] = await RenderedFiles.DownloadAsync(_client, url + "/report", RenderedFiles.Docx),
            ["form.xlsx"] = await RenderedFiles.DownloadAsync(_client, url + "/form", RenderedFiles.Xlsx),
        };

        var texts = await PdfConversion.ConvertAsync(files);

        var report = Compact(texts["report.docx"]);
        foreach (var figure in new[] { "2373.35", "1488.20", "3861.55", "3661.55", "62.70%", "94.82%", "9.48", "99.48", "103.26%", "100.20%", "自评得分20.00分", "优" })
        {
            Assert.True(report.Contains(figure, StringComparison.Ordinal), $"The report's PDF does not show {figure}: {report[..Math.Min(report.Length, 600)]}");
        }

        var form = Compact(texts["form.xlsx"]);
        foreach (var figure in new[] { "2,373.35", "3,861.55", "3,661.55", "94.82", "9.48", "99.48", "评价结果：优", "重点项目投产数" })
        {
            Assert.True(form.Contains(figure, StringComparison.Ordinal), $"The form's PDF does not show {figure}: {form}");
        }
    }

    /// <summary>Text as PdfPig reads it, without the spaces and line breaks that layout puts between words.</summary>
    private static string Compact(string text) => new([.. text.Where(c => !char.IsWhiteSpace(c))]);
}
