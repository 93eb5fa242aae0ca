namespace PerfEval.FunctionalTests.Indicators;

public sealed class IndicatorTests(PerfEvalFactory factory) : IClassFixture<PerfEvalFactory>
{
    private const int Year = 2031;

    private readonly HttpClient _client = factory.CreateClient();

    private async Task<string> DepartmentInOpenYearAsync()
    {
        await _client.CreateYearAsync(Year, "evaluation");
        return await _client.CreateDepartmentAsync();
    }

    private static string Url(string code, long id, int year = Year) => $"{MoreTestData.IndicatorsUrl(code, year)}/{id}";

    [Fact]
    public async Task CreateIndicator_WhenValid_Returns201WithLocationAndReadsBack()
    {
        var code = await DepartmentInOpenYearAsync();

        var response = await _client.PostJsonAsync(MoreTestData.IndicatorsUrl(code, Year), MoreTestData.Indicator(target: 35000m, finalValue: 36142m, unit: "万元"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.JsonAsync();
        var id = created.GetProperty("id").GetInt64();
        Assert.Equal(Url(code, id), response.Headers.Location?.OriginalString);
        var fetched = await (await _client.GetAsync(response.Headers.Location)).JsonAsync();
        Assert.Equal(code, fetched.GetProperty("departmentCode").GetString());
        Assert.Equal(Year, fetched.GetProperty("fiscalYear").GetInt32());
        Assert.Equal(1, fetched.GetProperty("sequence").GetInt32());
        Assert.Equal("output", fetched.GetProperty("category").GetString());
        Assert.Equal("quantity", fetched.GetProperty("subcategory").GetString());
        Assert.Equal("quantitative", fetched.GetProperty("kind").GetString());
        Assert.Equal("atLeast", fetched.GetProperty("operator").GetString());
        Assert.Equal(35000m, fetched.GetProperty("target").GetDecimal());
        Assert.Equal(36142m, fetched.GetProperty("finalValue").GetDecimal());
        Assert.Equal(20m, fetched.GetProperty("weight").GetDecimal());
        Assert.Equal(1m, fetched.GetProperty("midYearValue").GetDecimal());
        Assert.Equal(JsonValueKind.Null, fetched.GetProperty("qualitativeTier").ValueKind);
        Assert.Equal(100m, fetched.GetProperty("declaredCompletion").GetDecimal());
        Assert.Equal(1, fetched.GetProperty("version").GetInt32());

        var second = await _client.CreateIndicatorAsync(code, Year, MoreTestData.Indicator(name: "新增高新技术企业"));
        Assert.Equal(2, second.GetProperty("sequence").GetInt32());
    }

    [Fact]
    public async Task CreateIndicator_WhenTextIsChinese_RoundTripsWithoutEscapes()
    {
        var code = await DepartmentInOpenYearAsync();
        const string name = "开展各类培训、座谈交流等活动数量";
        const string unit = "场次";
        const string reason = "统计口径调整：年中按场次统计（36场），年终按活动统计（25场）；超额完成系“双创”活动周集中举办所致。";
        var indicator = MoreTestData.Indicator(name: name, target: 20m, finalValue: 25m, unit: unit, deviationReason: reason);

        var response = await _client.PostJsonAsync(MoreTestData.IndicatorsUrl(code, Year), indicator);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var createdRaw = await response.Content.ReadAsStringAsync();
        var fetchedRaw = await (await _client.GetAsync(response.Headers.Location)).Content.ReadAsStringAsync();
        var listRaw = await (await _client.GetAsync(MoreTestData.IndicatorsUrl(code, Year))).Content.ReadAsStringAsync();
        foreach (var raw in new[] { createdRaw, fetchedRaw, listRaw })
        {
            Assert.DoesNotContain("\\u", raw);
            Assert.Contains(name, raw);
            Assert.Contains(unit, raw);
            Assert.Contains(reason, raw);
        }

        var fetched = JsonDocument.Parse(fetchedRaw).RootElement;
        Assert.Equal(name, fetched.GetProperty("name").GetString());
        Assert.Equal(unit, fetched.GetProperty("unit").GetString());
        Assert.Equal(reason, fetched.GetProperty("deviationReason").GetString());
    }

    [Fact]
    public async Task UpdateIndicator_WhenValid_ReplacesFieldsAndBumpsVersion()
    {
        var code = await DepartmentInOpenYearAsync();
        var id = (await _client.CreateIndicatorAsync(code, Year, MoreTestData.Indicator(sequence: 7))).GetProperty("id").GetInt64();
        var replacement = MoreTestData.Indicator(name: "服务对象满意度", category: "satisfaction", subcategory: "serviceRecipientSatisfaction", kind: "qualitative", unit: null);

        var response = await _client.PutJsonAsync(Url(code, id), replacement);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await response.JsonAsync()).GetProperty("version").GetInt32());
        var fetched = await (await _client.GetAsync(Url(code, id))).JsonAsync();
        Assert.Equal("服务对象满意度", fetched.GetProperty("name").GetString());
        Assert.Equal("satisfaction", fetched.GetProperty("category").GetString());
        Assert.Equal("qualitative", fetched.GetProperty("kind").GetString());
        Assert.Equal("achieved", fetched.GetProperty("qualitativeTier").GetString());
        Assert.Equal(18m, fetched.GetProperty("qualitativeScore").GetDecimal());
        Assert.Equal(JsonValueKind.Null, fetched.GetProperty("operator").ValueKind);
        Assert.Equal(JsonValueKind.Null, fetched.GetProperty("unit").ValueKind);
        Assert.Equal(7, fetched.GetProperty("sequence").GetInt32());
        Assert.Equal(2, fetched.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task DeleteIndicator_WhenPresent_Returns204AndItIsGone()
    {
        var code = await DepartmentInOpenYearAsync();
        var kept = (await _client.CreateIndicatorAsync(code, Year)).GetProperty("id").GetInt64();
        var deleted = (await _client.CreateIndicatorAsync(code, Year)).GetProperty("id").GetInt64();

        var response = await _client.DeleteAsync(Url(code, deleted));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await (await _client.GetAsync(Url(code, deleted))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await _client.DeleteAsync(Url(code, deleted))).AssertProblemAsync(HttpStatusCode.NotFound);
        var remaining = await _client.WalkPagesAsync(MoreTestData.IndicatorsUrl(code, Year), limit: 10);
        Assert.Equal([kept], remaining.Select(i => i.GetProperty("id").GetInt64()));
    }

    [Fact]
    public async Task CreateIndicator_WhenInvalid_Returns400WithEveryFieldError()
    {
        var code = await DepartmentInOpenYearAsync();
        var indicator = MoreTestData.Indicator(name: "", sequence: 0, target: null);
        indicator["operator"] = null;
        indicator["weight"] = 101m;
        indicator["reviewerDeduction"] = 1m;
        indicator["qualitativeScore"] = 5m;
        indicator["finalValue"] = 1.123456789m;

        var response = await _client.PostJsonAsync(MoreTestData.IndicatorsUrl(code, Year), indicator);

        await response.AssertValidationErrorsAsync("name", "sequence", "operator", "target", "weight", "deductionReason", "qualitativeScore", "finalValue");
        Assert.Empty(await _client.WalkPagesAsync(MoreTestData.IndicatorsUrl(code, Year), limit: 10));
    }

    [Fact]
    public async Task UpdateIndicator_WhenInvalid_Returns400AndKeepsTheIndicator()
    {
        var code = await DepartmentInOpenYearAsync();
        var id = (await _client.CreateIndicatorAsync(code, Year)).GetProperty("id").GetInt64();
        var indicator = MoreTestData.Indicator(kind: "qualitative");
        indicator["qualitativeScore"] = null;
        indicator["unit"] = new string('单', 33);

        var response = await _client.PutJsonAsync(Url(code, id), indicator);

        await response.AssertValidationErrorsAsync("qualitativeScore", "unit");
        Assert.Equal(1, (await (await _client.GetAsync(Url(code, id))).JsonAsync()).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task CreateIndicator_WhenSequenceTaken_Returns409AndAddsNothing()
    {
        var code = await DepartmentInOpenYearAsync();
        await _client.CreateIndicatorAsync(code, Year, MoreTestData.Indicator(sequence: 3));

        var response = await _client.PostJsonAsync(MoreTestData.IndicatorsUrl(code, Year), MoreTestData.Indicator(sequence: 3));

        await response.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Single(await _client.WalkPagesAsync(MoreTestData.IndicatorsUrl(code, Year), limit: 10));
    }

    [Fact]
    public async Task GetIndicator_WhenMissing_Returns404ProblemDetails()
    {
        var code = await DepartmentInOpenYearAsync();
        var other = await _client.CreateDepartmentAsync();
        var theirs = (await _client.CreateIndicatorAsync(other, Year)).GetProperty("id").GetInt64();

        await (await _client.GetAsync(Url(code, 987_654_321))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await _client.GetAsync(Url(code, theirs))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await _client.PutJsonAsync(Url(code, theirs), MoreTestData.Indicator())).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await _client.DeleteAsync(Url(code, theirs))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await _client.GetAsync(MoreTestData.IndicatorsUrl("NOPE-404", Year))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await _client.PostJsonAsync(MoreTestData.IndicatorsUrl(code, 2095), MoreTestData.Indicator())).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync(Url(other, theirs))).StatusCode);
    }

    [Fact]
    public async Task ListIndicators_WhenWalkedByCursor_ReturnsEveryIndicatorOnceInSequenceOrder()
    {
        var code = await DepartmentInOpenYearAsync();
        foreach (var sequence in new[] { 5, 1, 30, 2, 4, 10 })
        {
            await _client.CreateIndicatorAsync(code, Year, MoreTestData.Indicator(name: $"指标{sequence}", sequence: sequence));
        }

        foreach (var limit in new[] { 1, 2, 4, 6, 7 })
        {
            var seen = (await _client.WalkPagesAsync(MoreTestData.IndicatorsUrl(code, Year), limit)).Select(i => i.GetProperty("sequence").GetInt32());
            Assert.Equal([1, 2, 4, 5, 10, 30], seen);
        }
    }

    [Fact]
    public async Task ListIndicators_WhenFiltered_ReturnsOnlyMatchingIndicators()
    {
        var code = await DepartmentInOpenYearAsync();
        await _client.CreateIndicatorAsync(code, Year, MoreTestData.Indicator(name: "A"));
        await _client.CreateIndicatorAsync(code, Year, MoreTestData.Indicator(name: "B", category: "effect", subcategory: "economicBenefit"));
        await _client.CreateIndicatorAsync(code, Year, MoreTestData.Indicator(name: "C", category: "effect", subcategory: "socialBenefit", kind: "qualitative"));
        await _client.CreateIndicatorAsync(code, Year, MoreTestData.Indicator(name: "D", category: "satisfaction", subcategory: "serviceRecipientSatisfaction", kind: "qualitative"));
        await _client.CreateIndicatorAsync(await _client.CreateDepartmentAsync(), Year, MoreTestData.Indicator(name: "E", category: "effect"));

        async Task<IEnumerable<string?>> NamesAsync(string query) =>
            (await _client.WalkPagesAsync($"{MoreTestData.IndicatorsUrl(code, Year)}?{query}", limit: 1)).Select(i => i.GetProperty("name").GetString());

        Assert.Equal(["B", "C"], await NamesAsync("category=effect"));
        Assert.Equal(["C", "D"], await NamesAsync("kind=qualitative"));
        Assert.Equal(["B"], await NamesAsync("category=effect&kind=quantitative"));
    }

    [Fact]
    public async Task WriteIndicator_WhenYearClosed_Returns409AndNothingChanges()
    {
        const int closedYear = 2092;
        await _client.CreateYearAsync(closedYear, "evaluation");
        var code = await _client.CreateDepartmentAsync();
        var id = (await _client.CreateIndicatorAsync(code, closedYear)).GetProperty("id").GetInt64();
        await _client.MoveYearAsync(closedYear, "closed");
        var before = await (await _client.GetAsync(Url(code, id, closedYear))).Content.ReadAsStringAsync();

        await (await _client.PostJsonAsync(MoreTestData.IndicatorsUrl(code, closedYear), MoreTestData.Indicator(name: "新指标")))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        await (await _client.PutJsonAsync(Url(code, id, closedYear), MoreTestData.Indicator(name: "改名", finalValue: 0m)))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        await (await _client.DeleteAsync(Url(code, id, closedYear))).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(before, await (await _client.GetAsync(Url(code, id, closedYear))).Content.ReadAsStringAsync());
        Assert.Single(await _client.WalkPagesAsync(MoreTestData.IndicatorsUrl(code, closedYear), limit: 10));
    }
}
