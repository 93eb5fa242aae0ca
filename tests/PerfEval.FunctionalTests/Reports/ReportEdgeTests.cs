namespace PerfEval.FunctionalTests.Reports;

/// <summary>Reports of department-years that are barely filled in still render, validate and say "—" where the rules give no figure.</summary>
public sealed class ReportEdgeTests(PerfEvalFactory factory) : IClassFixture<PerfEvalFactory>
{
    private const int Year = 2031;

    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task RenderReport_WithNothingStored_ValidatesAndShowsNoComposite()
    {
        await _client.EnsureYearAsync(Year, "open");
        var code = await _client.CreateDepartmentAsync();

        var text = RenderedFiles.ReportText(await RenderedFiles.DownloadAsync(_client, $"/api/v1/departments/{code}/evaluations/{Year}/report", RenderedFiles.Docx));
        var form = RenderedFiles.Form(await RenderedFiles.DownloadAsync(_client, $"/api/v1/departments/{code}/evaluations/{Year}/form", RenderedFiles.Xlsx));

        Assert.Contains($"年初预算数为 0.00 万元", text);
        Assert.Contains("评价结果为\u201C—\u201D", text);
        Assert.Contains("编制 9 名，其中：行政编制 5 名，事业编制 3 名，工勤编制 1 名。实有人员 8 人。", text);
        Assert.Equal("评价结果：—", form.At("H", form.RowOf("总分")).Text);
    }

    [Fact]
    public async Task RenderReport_WithAQualitativeIndicator_WritesItsTierAndScore()
    {
        await _client.EnsureYearAsync(Year, "open");
        var code = await _client.CreateDepartmentAsync();
        await _client.CreateIndicatorAsync(code, Year, MoreTestData.Indicator(name: "服务对象满意度", category: "satisfaction", subcategory: "serviceRecipientSatisfaction", kind: "qualitative", unit: null));

        var text = RenderedFiles.ReportText(await RenderedFiles.DownloadAsync(_client, $"/api/v1/departments/{code}/evaluations/{Year}/report", RenderedFiles.Docx));
        var form = RenderedFiles.Form(await RenderedFiles.DownloadAsync(_client, $"/api/v1/departments/{code}/evaluations/{Year}/form", RenderedFiles.Xlsx));

        Assert.Contains("服务对象满意度：该指标为定性指标，本次评价结果为达成，完成率 90.00%。", text);
        Assert.Contains("该指标权重分值为 20 分，自评得分 18.00 分。", text);
        var row = form.Cells.Single(c => c.Value.Text == "服务对象满意度").Key[1..];
        Assert.Equal("满意度指标", form.Cells["A" + row].Text);
        Assert.Equal("达成", form.Cells["E" + row].Text);
        Assert.Equal("18", form.Cells["G" + row].Text.TrimEnd('0').TrimEnd('.'));
    }
}
