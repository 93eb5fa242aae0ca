using PerfEval.FunctionalTests.Exports;

namespace PerfEval.FunctionalTests.Monitoring;

/// <summary>The year's monitoring view, its export, a limited client's view of both, and lights following a scheme's thresholds.</summary>
public sealed class MonitoringYearViewTests(PerfEvalFactory factory) : IClassFixture<PerfEvalFactory>
{
    private readonly HttpClient _client = factory.CreateClient(PerfEvalFactory.AdminKey);
    private readonly HttpClient _regional = factory.CreateClient("test-regional-key");

    private static string RoundsUrl(string code, int year) => $"/api/v1/departments/{code}/monitoring/{year}/rounds";

    /// <summary>A department with one ≥ indicator of target 100 and a June round at <paramref name="current"/> (ratio = current × 2).</summary>
    private async Task<string> DepartmentWithRoundAsync(int year, decimal current, string region = "高新区（新市区）")
    {
        await _client.CreateYearAsync(year, "open");
        var code = TestData.NewCode("MON");
        Assert.Equal(HttpStatusCode.Created, (await _client.PostJsonAsync("/api/v1/departments", TestData.Department(code, region: region))).StatusCode);
        var indicator = await _client.CreateIndicatorAsync(code, year, MoreTestData.Indicator(target: 100m));
        var response = await _client.PostJsonAsync(RoundsUrl(code, year), new
        {
            asOf = $"{year}-06-30",
            indicators = new[] { new { indicatorId = indicator.GetProperty("id").GetInt64(), currentValue = current } },
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return code;
    }

    [Fact]
    public async Task YearView_CountsByLightAndRegion_RedFirst_KeysetPaged()
    {
        const int year = 2034;
        var green = await DepartmentWithRoundAsync(year, 45m);
        var red1 = await DepartmentWithRoundAsync(year, 10m);
        var yellow = await DepartmentWithRoundAsync(year, 35m);
        var red2 = await DepartmentWithRoundAsync(year, 20m, PerfEvalFactory.RestrictedRegion);
        var blue = await DepartmentWithRoundAsync(year, 70m);

        var all = await (await _client.GetAsync($"/api/v1/fiscal-years/{year}/monitoring")).JsonAsync();
        var counts = all.GetProperty("counts");
        Assert.Equal(2, counts.GetProperty("red").GetInt32());
        Assert.Equal(1, counts.GetProperty("yellow").GetInt32());
        Assert.Equal(2, counts.GetProperty("green").GetInt32());   // blue counts as green in the goal and combined lights
        Assert.False(counts.TryGetProperty("blue", out _));
        var regions = all.GetProperty("byRegion").EnumerateArray().ToDictionary(r => r.GetProperty("region").GetString()!, r => r.GetProperty("counts"));
        Assert.Equal(1, regions[PerfEvalFactory.RestrictedRegion].GetProperty("red").GetInt32());
        Assert.Equal(1, regions["高新区（新市区）"].GetProperty("red").GetInt32());

        var expectedOrder = new[] { red1, red2 }.Order(StringComparer.Ordinal).Append(yellow).Concat(new[] { green, blue }.Order(StringComparer.Ordinal)).ToList();
        var paged = new List<string>();
        string? cursor = null;
        do
        {
            var page = await (await _client.GetAsync($"/api/v1/fiscal-years/{year}/monitoring?limit=2" + (cursor is null ? "" : $"&cursor={cursor}"))).JsonAsync();
            Assert.True(page.GetProperty("items").GetArrayLength() <= 2);
            paged.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("departmentCode").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);
        Assert.Equal(expectedOrder, paged);

        var reds = await (await _client.GetAsync($"/api/v1/fiscal-years/{year}/monitoring?light=red")).JsonAsync();
        Assert.Equal(new[] { red1, red2 }.Order(StringComparer.Ordinal), reds.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("departmentCode").GetString()));

        var region = await (await _client.GetAsync($"/api/v1/fiscal-years/{year}/monitoring?region={Uri.EscapeDataString(PerfEvalFactory.RestrictedRegion)}")).JsonAsync();
        Assert.Equal([red2], region.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("departmentCode").GetString()));
        Assert.Equal(1, region.GetProperty("counts").GetProperty("red").GetInt32());

        await (await _client.GetAsync($"/api/v1/fiscal-years/{year}/monitoring?light=purple")).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await _client.GetAsync($"/api/v1/fiscal-years/{year}/monitoring?cursor=bm90LWEtY3Vyc29y")).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await _client.GetAsync("/api/v1/fiscal-years/2099/monitoring")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task LimitedClient_SeesOnlyItsRegion_AndOthersAnswerAsMissing()
    {
        const int year = 2035;
        var outside = await DepartmentWithRoundAsync(year, 10m);
        var inside = await DepartmentWithRoundAsync(year, 45m, PerfEvalFactory.RestrictedRegion);
        var rounds = await (await _client.GetAsync(RoundsUrl(outside, year))).JsonAsync();
        var outsideRound = rounds.GetProperty("items")[0].GetProperty("id").GetInt64();

        await (await _regional.GetAsync($"/api/v1/departments/{outside}/monitoring/{year}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await _regional.GetAsync(RoundsUrl(outside, year))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await _regional.GetAsync($"{RoundsUrl(outside, year)}/{outsideRound}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await _regional.PostJsonAsync(RoundsUrl(outside, year), new { asOf = $"{year}-09-30" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await _regional.PutJsonAsync($"{RoundsUrl(outside, year)}/{outsideRound}", new { asOf = $"{year}-09-30" })).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Single((await (await _client.GetAsync(RoundsUrl(outside, year))).JsonAsync()).GetProperty("items").EnumerateArray());

        Assert.Equal(HttpStatusCode.OK, (await _regional.GetAsync($"/api/v1/departments/{inside}/monitoring/{year}")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await _regional.PostJsonAsync(RoundsUrl(inside, year), new { asOf = $"{year}-09-30" })).StatusCode);

        var view = await (await _regional.GetAsync($"/api/v1/fiscal-years/{year}/monitoring")).JsonAsync();
        Assert.Equal([inside], view.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("departmentCode").GetString()));
        Assert.Equal(0, view.GetProperty("counts").GetProperty("red").GetInt32());

        var csv = await (await _regional.GetAsync($"/api/v1/fiscal-years/{year}/export?format=csv&dataset=monitoring")).Content.ReadAsStringAsync();
        Assert.Contains(inside, csv);
        Assert.DoesNotContain(outside, csv);

        var reader = factory.CreateClient("test-reader-key");
        await (await reader.PostJsonAsync(RoundsUrl(inside, year), new { asOf = $"{year}-10-31" })).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Export_WritesTheYearViewAsCsvAndXlsx()
    {
        const int year = 2036;
        var red = await DepartmentWithRoundAsync(year, 10m);

        var csvResponse = await _client.GetAsync($"/api/v1/fiscal-years/{year}/export?format=csv&dataset=monitoring");
        Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
        Assert.Equal($"perfeval-{year}-monitoring.csv", csvResponse.Content.Headers.ContentDisposition?.FileNameStar);
        var lines = (await csvResponse.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("部门编码,部门名称,所属区域,截止日期,综合灯,综合灯代码,预算灯,预算灯代码,目标灯,目标灯代码,红灯指标数", lines[0]);
        Assert.StartsWith($"{red},测试单位,高新区（新市区）,{year}-06-30,红灯,red,,,红灯,red,1,0,0,0,1", lines[1]);

        foreach (var format in new[] { "csv", "xlsx" })
        {
            var rows = await ExportFiles.ReadAsync(await _client.GetAsync($"/api/v1/fiscal-years/{year}/export?format={format}&dataset=monitoring"), format);
            var row = Assert.Single(rows);
            Assert.Equal(red, row["部门编码"].Text);
            Assert.Equal("红灯", row["综合灯"].Text);
            Assert.Equal("red", row["目标灯代码"].Text);
            Assert.False(row.ContainsKey("预算灯"));   // not stated: an empty cell
            Assert.Equal("1", row["红灯指标数"].Text);
        }
    }

    [Fact]
    public async Task SchemeThresholds_ChangeTheKeptLights()
    {
        const int year = 2037;
        var code = TestData.NewCode("SCH");
        var scheme = await (await _client.PostJsonAsync("/api/v1/scoring-schemes", new { code = code.ToLowerInvariant(), name = "监控方案", settings = new { executionWeight = 10m } })).JsonAsync();
        var schemeId = scheme.GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.Created, (await _client.PostJsonAsync("/api/v1/fiscal-years", new { year, status = "open", scoringSchemeId = schemeId })).StatusCode);
        var department = await DepartmentWithRoundAsync(year, 35m);   // ratio 70: yellow by default
        var before = await (await _client.GetAsync($"/api/v1/departments/{department}/monitoring/{year}")).JsonAsync();
        Assert.Equal("yellow", before.GetProperty("goalLight").GetString());

        var stricter = await _client.PutJsonAsync($"/api/v1/scoring-schemes/{schemeId}", new
        {
            name = "监控方案（从严）",
            settings = new { executionWeight = 10m, monitoring = new { indicatorRedBelow = 75m, indicatorYellowBelow = 90m, timeProgress = "elapsedDays" } },
        });
        Assert.True(stricter.StatusCode == HttpStatusCode.OK, await stricter.Content.ReadAsStringAsync());

        var after = await (await _client.GetAsync($"/api/v1/departments/{department}/monitoring/{year}")).JsonAsync();
        Assert.Equal("red", after.GetProperty("goalLight").GetString());
        Assert.Equal(49.59m, after.GetProperty("timeProgress").GetDecimal());   // 2037-06-30: day 181 of 365
    }
}
