using System.Net;
using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PerfEval.BrowserTests;

/// <summary>The dashboard in a real Chromium against the service on Kestrel with the demo data (DOMAIN.md's worked examples).</summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardTests(DashboardFixture dashboard)
{
    [Fact]
    public async Task Root_WithoutKey_ServesTheDashboardAndAsksForAKey()
    {
        using var http = new HttpClient { BaseAddress = dashboard.BaseAddress };

        var root = await http.GetAsync(new Uri("/", UriKind.Relative));
        var script = await http.GetAsync(new Uri("/js/main.js", UriKind.Relative));
        var data = await http.GetAsync(new Uri("/api/v1/fiscal-years", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, root.StatusCode);
        Assert.Equal("text/html", root.Content.Headers.ContentType?.MediaType);
        Assert.Contains("js/main.js", await root.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, data.StatusCode);

        var page = await dashboard.NewPageAsync();
        await page.GotoAsync("/");
        await Expect(page.Locator(".key-panel h1")).ToHaveTextAsync("输入 API 密钥");
        await Expect(page.Locator("#api-key")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Ranking_WhenDemoKeyEntered_ShowsTheThreeDemoDepartmentsRankedWithTheirGrades()
    {
        var page = await dashboard.NewPageAsync();
        var errors = DashboardPages.CollectErrors(page);

        await DashboardPages.SignInAsync(page);

        Assert.Equal(
            [("GXQ-CYFWZX", "99.80", "优"), ("GXQ-GYYQ", "99.48", "优"), ("GXQ-SWJ", "85.00", "良")],
            await DashboardPages.RankingAsync(page));
        var amounts = page.Locator("#ranking-grid tr[data-code='GXQ-GYYQ'] td.num");
        await Expect(amounts.Nth(4)).ToHaveTextAsync("38,615,500.00");
        await Expect(page.Locator("[data-tile=average-composite] .tile-value")).ToHaveTextAsync("94.76");
        Assert.Equal(DashboardFixture.ReaderKey, await page.EvaluateAsync<string>("() => sessionStorage.getItem('perfeval.apiKey')"));
        Assert.Null(await page.EvaluateAsync<string?>("() => localStorage.getItem('perfeval.apiKey')"));
        foreach (var chart in new[] { "#chart-grades", "#chart-regions", "#chart-scatter" })
        {
            await Expect(page.Locator($"{chart} canvas")).ToHaveCountAsync(1);
        }

        Assert.Empty(errors);
    }

    [Fact]
    public async Task Ranking_WhenSortedAndFiltered_AsksTheApiAndShowsItsOrder()
    {
        var page = await dashboard.NewPageAsync();
        await DashboardPages.SignInAsync(page);

        await page.Locator("button.sort[data-sort=executionRate]").ClickAsync();
        await Expect(page.Locator(DashboardPages.RankingRows).First).ToHaveAttributeAsync("data-code", "GXQ-SWJ");

        await page.Locator("#filter-grade").SelectOptionAsync("excellent");
        await Expect(page.Locator(DashboardPages.RankingRows)).ToHaveCountAsync(2);

        await page.Locator("#filter-search").FillAsync("工业园区");
        await Expect(page.Locator(DashboardPages.RankingRows)).ToHaveCountAsync(1);
        await Expect(page.Locator(DashboardPages.RankingRows)).ToHaveAttributeAsync("data-code", "GXQ-GYYQ");
    }

    [Fact]
    public async Task Charts_WhenGradeBarClicked_FilterTheRankingByThatGrade()
    {
        var page = await dashboard.NewPageAsync();
        await DashboardPages.SignInAsync(page);
        await Expect(page.Locator("#chart-grades canvas")).ToHaveCountAsync(1);

        // The middle of the 良 (good) bar, where the chart itself places it.
        var point = await page.EvaluateAsync<double[]>(
            "() => echarts.getInstanceByDom(document.getElementById('chart-grades')).convertToPixel({ seriesIndex: 0 }, [1, 0.5])");
        var chart = await page.Locator("#chart-grades").BoundingBoxAsync() ?? throw new InvalidOperationException("The grade chart is not laid out.");
        await page.Mouse.ClickAsync((float)(chart.X + point[0]), (float)(chart.Y + point[1]));

        await Expect(page.Locator("#filter-grade")).ToHaveValueAsync("good");
        await Expect(page.Locator(DashboardPages.RankingRows)).ToHaveCountAsync(1);
        await Expect(page.Locator(DashboardPages.RankingRows)).ToHaveAttributeAsync("data-code", "GXQ-SWJ");
    }

    [Fact]
    public async Task SignIn_WhenKeyIsRejected_SaysSoInChineseWithTheProblemTitle()
    {
        var page = await dashboard.NewPageAsync();
        await page.GotoAsync("/");

        await page.Locator("#api-key").FillAsync("not-a-key");
        await page.Locator("#key-form button[type=submit]").ClickAsync();

        var message = page.Locator(".key-panel .error-message");
        await Expect(message).ToHaveAttributeAsync("data-status", "401");
        await Expect(message).ToContainTextAsync("密钥无效");
        await Expect(message).ToContainTextAsync("未认证"); // the problem's title, in the request's language
        await Expect(page.Locator("#api-key")).ToBeVisibleAsync();
        Assert.Null(await page.EvaluateAsync<string?>("() => sessionStorage.getItem('perfeval.apiKey')"));
    }

    [Fact]
    public async Task Department_WhenNumberClicked_ShowsItsFormulaAndInputs()
    {
        var page = await dashboard.NewPageAsync();
        await DashboardPages.SignInAsync(page);

        await page.Locator("#ranking-grid tr[data-code='GXQ-GYYQ'] td.name a").ClickAsync();
        await page.Locator("#indicator-table").WaitForAsync();

        await Expect(page.Locator("#dept-name")).ToContainTextAsync("工业园区管理办公室");
        await Expect(page.Locator("[data-tile=composite] .tile-value")).ToContainTextAsync("99.48");
        await Expect(page.Locator("[data-tile=composite] .grade")).ToHaveTextAsync("优");
        await page.Locator("[data-tile=execution-rate] button.explained").ClickAsync();
        var popover = page.Locator("#explain-popover");
        await Expect(popover).ToBeVisibleAsync();
        await Expect(popover).ToContainTextAsync("budget.executionRate");
        await Expect(popover).ToContainTextAsync("36615500.00 / 38615500.00 × 100");

        await page.Locator("#indicator-table button[data-path='indicators[1].completion']").ClickAsync();
        await Expect(popover).ToContainTextAsync("max(36142.0 / 35000.0 × 100, 0)");
        await Expect(page.Locator("#indicator-table button[data-path='indicators[1].completion']")).ToHaveTextAsync("103.26");

        await Expect(page.Locator("#years-table thead th")).ToContainTextAsync(["", "2024"]);
        await Expect(page.Locator("#declared-table tr.mismatch")).ToContainTextAsync("支出总额");
    }

    [Fact]
    public async Task Department_WhenExportsClicked_DownloadsTheYearAsXlsxAndCsv()
    {
        var page = await dashboard.NewPageAsync();
        await DashboardPages.SignInAsync(page);
        await DashboardPages.OpenDepartmentAsync(page, "GXQ-GYYQ", 2024);

        var xlsx = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-export=scorecards][data-format=xlsx]").ClickAsync());
        var csv = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-export=indicators][data-format=csv]").ClickAsync());

        Assert.Equal("perfeval-2024-scorecards.xlsx", xlsx.SuggestedFilename);
        var xlsxBytes = await File.ReadAllBytesAsync(await xlsx.PathAsync());
        Assert.True(xlsxBytes.AsSpan().StartsWith("PK\u0003\u0004"u8), "An XLSX is a ZIP package: it begins with PK\\3\\4.");
        Assert.Equal("perfeval-2024-indicators.csv", csv.SuggestedFilename);
        var csvBytes = await File.ReadAllBytesAsync(await csv.PathAsync());
        Assert.True(csvBytes.AsSpan().StartsWith(Encoding.UTF8.Preamble), "The CSV begins with the UTF-8 BOM, so Excel opens its Chinese as is.");
        Assert.Contains("GXQ-GYYQ", Encoding.UTF8.GetString(csvBytes), StringComparison.Ordinal);

        // The report and the form, the scorecard itself and the year exports.
        await Expect(page.Locator("#downloads button")).ToHaveCountAsync(11);
    }

    [Fact]
    public async Task Department_ShowsTheLatestMonitoringRoundsLights()
    {
        var page = await dashboard.NewPageAsync();
        await DashboardPages.SignInAsync(page);
        await DashboardPages.OpenDepartmentAsync(page, "GXQ-CYFWZX", 2024);

        // DOMAIN.md's worked example: the June round of seed 002, its goal light red for 留学生创业企业 at 40.00.
        var panel = page.Locator("#monitoring");
        await Expect(panel.Locator("h2")).ToContainTextAsync("绩效运行监控");
        await Expect(panel.Locator("#light-combined [data-light]")).ToHaveAttributeAsync("data-light", "red");
        await Expect(panel.Locator("#light-combined")).ToHaveTextAsync("红");
        var red = panel.Locator("#monitoring-table tr[data-light=red]");
        await Expect(red).ToHaveCountAsync(1);
        await Expect(red).ToContainTextAsync("全年引进留学生创业企业");
        await Expect(red).ToContainTextAsync("40.00");
        await Expect(panel.Locator("#monitoring-table tr[data-light=blue]")).ToHaveCountAsync(2);
    }

    [Fact]
    public async Task Imports_WhenAReportIsUploadedReviewedAndCommitted_OpensTheNewDepartmentsScorecard()
    {
        // Seed report 002 as another unit's 2023 report: a new department in a new year, so the demo's
        // 2024 ranking stays as the other tests expect it.
        var text = File.ReadAllText(SeedReport("seed-002.txt"))
            .Replace("创业服务中心", "科技孵化中心", StringComparison.Ordinal)
            .Replace("2024", "2023", StringComparison.Ordinal);
        var page = await dashboard.NewPageAsync();
        await DashboardPages.SignInAsync(page, "demo-writer-key");
        await page.Locator("[data-nav=imports]").ClickAsync();

        await page.Locator("#report-file").SetInputFilesAsync(new FilePayload { Name = "科技孵化中心2023年度自评报告.txt", MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes(text) });
        await page.Locator("#upload-form button[type=submit]").ClickAsync();

        var fields = page.Locator("#draft-fields");
        await Expect(fields.Locator("tr[data-path=department]")).ToContainTextAsync("科技孵化中心");
        await Expect(fields.Locator("tr[data-path=fiscalYear]")).ToContainTextAsync("2023");
        await Expect(page.Locator("#import-state")).ToHaveTextAsync("草稿");

        await page.Locator("#commit").ClickAsync();

        await page.Locator("#indicator-table").WaitForAsync();
        await Expect(page.Locator("#dept-name")).ToContainTextAsync("科技孵化中心");
        await Expect(page.Locator("[data-tile=composite]")).ToContainTextAsync("99.80");
    }

    /// <summary>A seed report as the unit tests keep it (tests/PerfEval.UnitTests/ReportImports/Fixtures).</summary>
    private static string SeedReport(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "PerfEval.UnitTests", "ReportImports", "Fixtures", file);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException($"{file} not found above the test output.");
    }

    [Fact]
    public async Task Department_WhenReportAndFormClicked_DownloadsTheWordReportAndTheExcelForm()
    {
        var page = await dashboard.NewPageAsync();
        await DashboardPages.SignInAsync(page);
        await DashboardPages.OpenDepartmentAsync(page, "GXQ-GYYQ", 2024);

        var report = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-document=report]").ClickAsync());
        var form = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-document=form]").ClickAsync());

        Assert.EndsWith("自评报告.docx", report.SuggestedFilename, StringComparison.Ordinal);
        Assert.True((await File.ReadAllBytesAsync(await report.PathAsync())).AsSpan().StartsWith("PK\u0003\u0004"u8), "A DOCX is a ZIP package.");
        Assert.EndsWith("自评表.xlsx", form.SuggestedFilename, StringComparison.Ordinal);
        Assert.True((await File.ReadAllBytesAsync(await form.PathAsync())).AsSpan().StartsWith("PK\u0003\u0004"u8), "An XLSX is a ZIP package.");
    }

    [Fact]
    public async Task Department_WhenNotFound_ShowsThe404InTheReadersLanguage()
    {
        var page = await dashboard.NewPageAsync();
        await DashboardPages.SignInAsync(page);

        await page.GotoAsync("/#/departments/NO-SUCH/2024");

        var panel = page.Locator(".error-panel");
        await Expect(panel).ToHaveAttributeAsync("data-status", "404");
        await Expect(panel).ToContainTextAsync("未找到所请求的数据");

        await page.Locator(".lang-switch button[data-lang=en]").ClickAsync();
        await Expect(page.Locator(".error-panel")).ToContainTextAsync("The data was not found");
    }

    [Fact]
    public async Task Language_WhenSwitchedToEnglish_ShowsEnglishLabelsAndIsRemembered()
    {
        var page = await dashboard.NewPageAsync();
        await DashboardPages.SignInAsync(page);
        await Expect(page.Locator(".tab[data-nav=overview]")).ToHaveTextAsync("概览与排名");

        await page.Locator(".lang-switch button[data-lang=en]").ClickAsync();

        await Expect(page.Locator(".tab[data-nav=overview]")).ToHaveTextAsync("Overview & ranking");
        await Expect(page.Locator("#ranking-grid thead")).ToContainTextAsync("Composite");
        await Expect(page.Locator("#ranking-grid tr[data-code='GXQ-GYYQ'] .grade")).ToHaveTextAsync("Excellent");
        Assert.Equal("en", await page.EvaluateAsync<string>("() => localStorage.getItem('perfeval.lang')"));

        await page.ReloadAsync();
        await page.Locator(DashboardPages.RankingRows).First.WaitForAsync();
        await Expect(page.Locator(".tab[data-nav=findings]")).ToHaveTextAsync("Findings");
        Assert.Equal("en", await page.EvaluateAsync<string>("() => document.documentElement.lang"));

        await page.Locator(".tab[data-nav=findings]").ClickAsync();
        await Expect(page.Locator("details[data-group='warning|FINAL_BELOW_MID_YEAR']")).ToContainTextAsync("is below the mid-year value");
    }

    [Fact]
    public async Task Findings_AreGroupedByCodeAndSeverity()
    {
        var page = await dashboard.NewPageAsync();
        await DashboardPages.SignInAsync(page);

        await page.Locator(".tab[data-nav=findings]").ClickAsync();

        var midYear = page.Locator("details[data-group='warning|FINAL_BELOW_MID_YEAR']");
        await Expect(midYear.Locator("tbody tr")).ToHaveCountAsync(4);
        await Expect(page.Locator("details[data-group='error|BUDGET_CLASS_SPLIT'] tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("details[data-group='error|DECLARED_ADJUSTMENT_RATE_MISMATCH']")).ToContainTextAsync("商务局");
        await Expect(page.Locator("details.finding-group").First).ToHaveAttributeAsync("data-group", new System.Text.RegularExpressions.Regex("^error\\|"));

        await page.Locator("#filter-severity").SelectOptionAsync("error");
        await Expect(page.Locator("details[data-group^='warning']")).ToHaveCountAsync(0);
        await Expect(page.Locator("details[data-group^='error']")).ToHaveCountAsync(3);
    }
}
