namespace PerfEval.FunctionalTests.Reports;

/// <summary>
/// GET …/evaluations/{year}/report and …/form over real HTTP on the demo data (the three 2024 seed
/// reports): the files validate, and they hold DOMAIN.md's worked-example figures, computed by rule.
/// </summary>
public sealed class ReportTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    private readonly HttpClient _client = factory.CreateClient(PerfEvalFactory.AdminKey);

    /// <summary>Worked examples (万元; rates, scores): initial, adjustment, adjusted, executed, adj. rate, exec. rate, exec. score, composite, grade.</summary>
    public static TheoryData<string, string[], string[], string> Seeds => new()
    {
        { "GXQ-GYYQ", ["2373.35", "1488.20", "3861.55", "3661.55"], ["62.70%", "94.82%", "得 9.48 分", "99.48"], "优" },
        { "GXQ-SWJ", ["3142.55", "0.00", "3142.55", "3142.55"], ["0.00%", "100.00%", "得 10.00 分", "85.00"], "良" },
        { "GXQ-CYFWZX", ["252.39", "0.00", "252.39", "247.44"], ["0.00%", "98.04%", "得 9.80 分", "99.80"], "优" },
    };

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task RenderReport_ForASeedReport_HoldsTheWorkedExampleFigures(string code, string[] amounts, string[] figures, string grade)
    {
        var text = RenderedFiles.ReportText(await RenderedFiles.DownloadAsync(_client, $"/api/v1/departments/{code}/evaluations/2024/report", RenderedFiles.Docx));

        Assert.Contains("部门单位整体支出绩效自评报告", text);
        Assert.Contains("(2024年度)", text);
        foreach (var heading in new[] { "一、基本概况", "二、部门单位整体支出管理及使用情况", "三、部门单位整体支出绩效分析", "四、评价结论", "五、存在的主要问题及原因分析", "六、改进措施和建议" })
        {
            Assert.Contains(heading, text);
        }

        Assert.Contains($"年初预算数为 {amounts[0]} 万元", text);
        Assert.Contains($"数 {amounts[1]} 万元，调整后全年预算数 {amounts[2]} 万元，预算调整率 {figures[0]}", text);
        Assert.Contains($"全年实际支出资金 {amounts[3]} 万元，预算执行率为 {figures[1]}", text);
        Assert.Contains(figures[2], text);
        Assert.Contains($"综合得分{figures[3]}分，评价结果为\u201C{grade}\u201D", text);
    }

    [Fact]
    public async Task RenderReport_ForIndustrialParkOffice_WritesTheIndicatorsInTheTemplatesSentences()
    {
        var text = RenderedFiles.ReportText(await RenderedFiles.DownloadAsync(_client, "/api/v1/departments/GXQ-GYYQ/evaluations/2024/report", RenderedFiles.Docx));

        Assert.Contains("重点项目投产数：该指标预期指标值为大于等于 3 项，年中监控实际完成值为 0 项，本次评价完成值为 3 项，完成率 100.00%。", text);
        Assert.Contains("该指标权重分值为 20 分，自评得分 20.00 分。", text);
        Assert.Contains("固定资产投资增长：该指标预期指标值为大于等于 35000 万元，年中监控实际完成值为 6322 万元，本次评价完成值为 36142 万元，完成率 103.26%。", text);
        Assert.Contains("工业园区总产值增长：该指标预期指标值为大于等于 5%，年中监控实际完成值为 5.1%，本次评价完成值为 5.01%，完成率 100.20%。", text);
        Assert.Contains("下设 6 个科室，分别是：综合科、企业服务科、规划建设科、安全生产监督科、科技创新科、投资服务科。", text);
        Assert.Contains("编制 28 名，其中：行政编制 0 名，事业编制 28 名。实有人员 20 人。", text);
        Assert.Contains("填报时间: 2025年02月14日", text);
        // The narrative as stored.
        Assert.Contains("推进清欠工作", text);
        // The 自评表 in Word: its headers and the funds row.
        Assert.Contains("偏差原因分析及改进措施", text);
        Assert.Contains("年度资金总额", text);
    }

    [Fact]
    public async Task RenderReport_WhenDeclaredFiguresDisagree_AppendsTheFindings()
    {
        var text = RenderedFiles.ReportText(await RenderedFiles.DownloadAsync(_client, "/api/v1/departments/GXQ-SWJ/evaluations/2024/report", RenderedFiles.Docx));

        var appendix = text[text.IndexOf("附：数据核对发现", StringComparison.Ordinal)..];
        Assert.Contains("DECLARED_ADJUSTMENT_RATE_MISMATCH", appendix);
        Assert.Contains("100", appendix);
        Assert.Contains("0.00", appendix);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task RenderForm_ForASeedReport_HoldsTheFiguresAsFormattedNumbers(string code, string[] amounts, string[] figures, string grade)
    {
        var form = RenderedFiles.Form(await RenderedFiles.DownloadAsync(_client, $"/api/v1/departments/{code}/evaluations/2024/form", RenderedFiles.Xlsx));

        Assert.Equal("部门单位整体支出绩效自评表", form.At("A", 1).Text);
        Assert.Contains("A1:H1", form.Merges);
        Assert.True(form.FrozenRows >= 4, "The header rows are not frozen.");
        var total = form.RowOf("年度资金总额");
        Assert.True(total <= form.FrozenRows + 1);
        Assert.Equal((decimal.Parse(amounts[0]), "#,##0.00"), Number(form.At("B", total)));
        Assert.Equal((decimal.Parse(amounts[2]), "#,##0.00"), Number(form.At("C", total)));
        Assert.Equal((decimal.Parse(amounts[3]), "#,##0.00"), Number(form.At("D", total)));
        Assert.Equal((decimal.Parse(figures[1].TrimEnd('%')), "0.00"), Number(form.At("F", total)));
        Assert.Equal((decimal.Parse(figures[2].Split(' ')[1]), "0.00"), Number(form.At("G", total)));
        var sum = form.RowOf("总分");
        Assert.Equal((decimal.Parse(figures[3]), "0.00"), Number(form.At("G", sum)));
        Assert.Equal($"评价结果：{grade}", form.At("H", sum).Text);
        // Chinese text fits: the indicator-name column is wider than its header's 4 characters.
        Assert.True(form.Widths[3] > 10, $"Column C is {form.Widths[3]} wide.");
    }

    [Fact]
    public async Task RenderForm_ForStartupCentre_ListsEachIndicatorWithItsComputedScore()
    {
        var form = RenderedFiles.Form(await RenderedFiles.DownloadAsync(_client, "/api/v1/departments/GXQ-CYFWZX/evaluations/2024/form", RenderedFiles.Xlsx));

        var row = form.Cells.Single(c => c.Value.Text == "引进中介服务机构数量").Key[1..];
        Assert.Equal("≥8家", form.Cells["D" + row].Text);
        Assert.Equal("12家", form.Cells["E" + row].Text);
        Assert.Equal((20m, "0.00"), Number(form.Cells["F" + row]));
        Assert.Equal((20m, "0.00"), Number(form.Cells["G" + row]));
        Assert.Equal("产出指标", form.Cells["A" + row].Text);
    }

    [Fact]
    public async Task RenderReport_OutsideAClientsRegion_Is404()
    {
        var regional = factory.CreateClient("test-regional-key");

        foreach (var document in new[] { "report", "form" })
        {
            var response = await regional.GetAsync($"/api/v1/departments/GXQ-GYYQ/evaluations/2024/{document}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task RenderReport_ForAnUnknownDepartmentOrYear_IsAProblem404()
    {
        foreach (var url in new[] { "/api/v1/departments/NO-SUCH/evaluations/2024/report", "/api/v1/departments/GXQ-GYYQ/evaluations/1999/form" })
        {
            var response = await _client.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    private static (decimal, string) Number(FormCell cell)
    {
        Assert.True(cell.IsNumber, $"'{cell.Text}' is not a number cell.");
        return (decimal.Parse(cell.Text, System.Globalization.CultureInfo.InvariantCulture), cell.Format);
    }
}
