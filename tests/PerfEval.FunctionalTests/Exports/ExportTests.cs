using System.Text;

namespace PerfEval.FunctionalTests.Exports;

/// <summary>GET /fiscal-years/{year}/export over real HTTP, on the demo data (2024) and data made here, read back by independent readers.</summary>
public sealed class ExportTests(ExportFactory factory) : IClassFixture<ExportFactory>
{
    private const int Year = 2024;

    /// <summary>
    /// Per dataset, the columns compared with what the API returns: the Chinese header (CSV, XLSX) and
    /// the property path (NDJSON, and the API's JSON). The first is the row's key.
    /// </summary>
    private static readonly Dictionary<string, (string Header, string Json)[]> Compared = new()
    {
        ["scorecards"] =
        [
            ("部门编码", "departmentCode"), ("部门名称", "departmentName"), ("所属区域", "region"), ("年度", "fiscalYear"),
            ("综合得分", "compositeScore"), ("预算执行率(%)", "executionRate"), ("执行得分", "executionScore"),
            ("年初预算数(元)", "initialBudget"), ("调整后预算数(元)", "adjustedBudget"), ("执行数(元)", "executed"),
            ("错误数", "findingCounts.error"), ("警告数", "findingCounts.warning"), ("提示数", "findingCounts.info"),
        ],
        ["indicators"] =
        [
            ("指标ID", "id"), ("部门编码", "departmentCode"), ("序号", "sequence"), ("指标名称", "name"), ("指标值", "target"),
            ("计量单位", "unit"), ("分值", "weight"), ("年中完成值", "midYearValue"), ("全年完成值", "finalValue"),
            ("完成率(%)", "completion"), ("得分", "score"), ("偏差原因", "deviationReason"),
            ("自评完成率(%)", "declaredCompletion"), ("自评得分", "declaredScore"),
        ],
        ["budget-lines"] =
        [
            ("预算行ID", "id"), ("部门编码", "departmentCode"), ("项目ID", "projectId"), ("年初预算数(元)", "initialAmount"),
            ("调整数(元)", "adjustmentTotal"), ("调整后预算数(元)", "adjustedAmount"), ("执行数(元)", "executedAmount"),
        ],
        ["adjustments"] =
        [
            ("调整ID", "id"), ("预算行ID", "lineId"), ("部门编码", "departmentCode"), ("调整金额(元)", "amount"),
            ("文号", "documentNumber"), ("来源系统", "sourceSystem"), ("来源单号", "sourceItemId"),
        ],
    };

    private readonly HttpClient _client = factory.CreateClient();

    public static TheoryData<string, string> DatasetsAndFormats()
    {
        var data = new TheoryData<string, string>();
        foreach (var dataset in Compared.Keys)
        {
            foreach (var format in new[] { "csv", "xlsx", "ndjson" })
            {
                data.Add(dataset, format);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DatasetsAndFormats))]
    public async Task Export_EachDatasetAndFormat_HoldsExactlyWhatTheApiReturns(string dataset, string format)
    {
        var expected = await ExpectedAsync(dataset);

        var rows = await ExportFiles.ReadAsync(await _client.GetAsync(Url(Year, dataset, format)), format);

        var columns = Compared[dataset];
        string Column((string Header, string Json) c) => format == "ndjson" ? c.Json : c.Header;
        Assert.NotEmpty(rows);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), rows.Select(r => r[Column(columns[0])].Text).Order(StringComparer.Ordinal));
        foreach (var row in rows)
        {
            var api = expected[row[Column(columns[0])].Text];
            foreach (var column in columns)
            {
                var cell = row.GetValueOrDefault(Column(column));
                var context = $"{dataset}.{format} row {row[Column(columns[0])].Text}, {column.Header}";
                if (api.GetValueOrDefault(column.Json) is not { ValueKind: not JsonValueKind.Null } value)
                {
                    Assert.True(cell is null, $"{context}: the API has no value, the file has '{cell?.Text}'.");
                }
                else if (cell is null)
                {
                    Assert.Fail($"{context}: the API has {value.GetRawText()}, the file has nothing.");
                }
                else if (value.ValueKind == JsonValueKind.Number)
                {
                    // The same digits as the API: exact decimals with their scale, invariant culture.
                    Assert.True(cell.Text == value.GetRawText(), $"{context}: expected {value.GetRawText()}, got '{cell.Text}'.");
                    Assert.True(format == "csv" || cell.IsNumber, $"{context}: {cell.Text} is not typed as a number.");
                }
                else
                {
                    Assert.True(cell.Text == value.GetString(), $"{context}: expected '{value.GetString()}', got '{cell.Text}'.");
                    Assert.False(cell.IsNumber, $"{context}: text typed as a number.");
                }
            }
        }
    }

    [Fact]
    public async Task Export_WithoutFormatOrDataset_IsTheScorecardsAsACsvAttachmentWithBomChineseHeadersAndExactDecimals()
    {
        var response = await _client.GetAsync($"/api/v1/fiscal-years/{Year}/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("perfeval-2024-scorecards.csv", disposition.FileName?.Trim('"'));
        Assert.Equal("perfeval-2024-scorecards.csv", disposition.FileNameStar);
        var raw = await response.Content.ReadAsByteArrayAsync();
        Assert.True(raw.AsSpan().StartsWith("\uFEFF"u8), "No UTF-8 BOM.");
        var text = Encoding.UTF8.GetString(raw.AsSpan(3));
        Assert.StartsWith("部门编码,部门名称,所属区域,年度,综合得分,评价等级,评价等级代码,预算执行率(%),执行得分,年初预算数(元),调整后预算数(元),执行数(元),错误数,警告数,提示数\r\n", text);
        // 创业服务中心 as its seed report has it: amounts to the fen, rates and scores to 2 decimals, grade in Chinese beside its code.
        Assert.Contains(",2024,99.80,优,excellent,98.04,9.80,2523900.00,2523900.00,2474400.00,", text);
    }

    [Theory]
    [InlineData("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData("ndjson", "application/x-ndjson")]
    public async Task Export_InXlsxOrNdjson_HasItsMediaTypeAndFileName(string format, string mediaType)
    {
        var response = await _client.GetAsync(Url(Year, "budget-lines", format));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"perfeval-2024-budget-lines.{format}", response.Content.Headers.ContentDisposition?.FileNameStar);
    }

    [Fact]
    public async Task Export_WhenTheClientAcceptsGzip_IsTheSameFileCompressed()
    {
        var plain = await (await _client.GetAsync(Url(Year, "indicators", "ndjson"))).Content.ReadAsByteArrayAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, Url(Year, "indicators", "ndjson"));
        request.Headers.AcceptEncoding.ParseAdd("gzip");

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
        await using var gzip = new System.IO.Compression.GZipStream(await response.Content.ReadAsStreamAsync(), System.IO.Compression.CompressionMode.Decompress);
        using var unzipped = new MemoryStream();
        await gzip.CopyToAsync(unzipped);
        Assert.Equal(plain, unzipped.ToArray());
    }

    [Fact]
    public async Task Export_TextWithCommasQuotesLineBreaksOrALeadingEquals_RoundTripsAndNeverBecomesAFormula()
    {
        const int year = 2033;
        const string name = "=HYPERLINK(\"http://example.invalid\",\"点此\"), 测试单位";
        const string reason = "第一行，含逗号, 和\"引号\"\n第二行";
        await _client.EnsureYearAsync(year);
        var code = TestData.NewCode("EXP");
        Assert.Equal(HttpStatusCode.Created, (await _client.PostJsonAsync("/api/v1/departments", TestData.Department(code, name))).StatusCode);
        await _client.CreateBudgetLineAsync(code, year, "operating", "ownLevel", 1_000.50m, 900.25m);
        await _client.CreateIndicatorAsync(code, year, MoreTestData.Indicator(finalValue: 2m, deviationReason: reason));

        var csv = Assert.Single(await ExportFiles.ReadAsync(await _client.GetAsync(Url(year, "indicators", "csv")), "csv"));
        var xlsx = Assert.Single(await ExportFiles.ReadAsync(await _client.GetAsync(Url(year, "indicators", "xlsx")), "xlsx"));
        var ndjson = Assert.Single(await ExportFiles.ReadAsync(await _client.GetAsync(Url(year, "indicators", "ndjson")), "ndjson"));

        // CSV: the leading '=' is defused with an apostrophe (CSV injection); XLSX text is an inline string, never a formula.
        Assert.Equal("'" + name, csv["部门名称"].Text);
        Assert.Equal(reason, csv["偏差原因"].Text);
        Assert.Equal(name, xlsx["部门名称"].Text);
        Assert.Equal(reason, xlsx["偏差原因"].Text);
        Assert.Equal(name, ndjson["departmentName"].Text);
        Assert.Equal(reason, ndjson["deviationReason"].Text);
        Assert.Equal("66.67", xlsx["完成率(%)"].Text);
    }

    [Fact]
    public async Task Export_ForAClientLimitedToARegion_HoldsOnlyThatRegionsDepartments()
    {
        var code = TestData.NewCode("EXPR");
        Assert.Equal(HttpStatusCode.Created, (await _client.PostJsonAsync("/api/v1/departments", TestData.Department(code, "受限区测试单位", PerfEvalFactory.RestrictedRegion))).StatusCode);
        var line = await _client.CreateBudgetLineAsync(code, Year, "operating", "ownLevel", 5_000m, 4_000m);
        await _client.CreateIndicatorAsync(code, Year);
        var push = new HttpRequestMessage(HttpMethod.Post, "/api/v1/budget-adjustments")
        {
            Content = TestData.JsonContent(new { adjustments = new[] { MoreTestData.Adjustment(code, Year, line.GetProperty("id").GetInt64(), 500m) } }),
        };
        push.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        Assert.Equal(HttpStatusCode.Created, (await _client.SendAsync(push)).StatusCode);
        var regional = factory.CreateClient("test-regional-key");

        foreach (var dataset in Compared.Keys)
        {
            var rows = await ExportFiles.ReadAsync(await regional.GetAsync(Url(Year, dataset, "ndjson")), "ndjson");

            var only = Assert.Single(rows);
            Assert.Equal(code, only["departmentCode"].Text);
        }

        var all = await ExportFiles.ReadAsync(await _client.GetAsync(Url(Year, "scorecards", "ndjson")), "ndjson");
        Assert.Contains(all, r => r["departmentCode"].Text == code);
        Assert.Contains(all, r => r["departmentCode"].Text == "GXQ-GYYQ");
    }

    [Theory]
    [InlineData("format=pdf", "format", "'pdf' is not one of: csv, xlsx, ndjson.")]
    [InlineData("format=csv&dataset=projects", "dataset", "'projects' is not one of: scorecards, indicators, budget-lines, adjustments, monitoring.")]
    public async Task Export_WhenFormatOrDatasetUnknown_Returns400NamingTheAllowedValues(string query, string parameter, string message)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/fiscal-years/{Year}/export?{query}");
        request.Headers.AcceptLanguage.ParseAdd("en");
        var response = await _client.SendAsync(request);

        var errors = await response.AssertValidationErrorsAsync(parameter);
        Assert.Equal(message, errors.GetProperty(parameter)[0].GetString());
        Assert.Null(response.Content.Headers.ContentDisposition);
    }

    [Fact]
    public async Task Export_WhenYearUnknown_Returns404ProblemWithoutAFile()
    {
        var response = await _client.GetAsync(Url(2099, "indicators", "xlsx"));

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Null(response.Content.Headers.ContentDisposition);
    }

    [Fact]
    public async Task Export_WithoutAKey_Returns401()
    {
        var response = await factory.CreateClient(apiKey: null).GetAsync(Url(Year, "scorecards", "csv"));

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Export_WithoutTheReadScope_Returns403()
    {
        var response = await factory.CreateClient(ExportFactory.NoReadKey).GetAsync(Url(Year, "scorecards", "csv"));

        await response.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    private static string Url(int year, string dataset, string format) => $"/api/v1/fiscal-years/{year}/export?format={format}&dataset={dataset}";

    /// <summary>The year as the API's own endpoints return it, keyed like the export's rows, each object flattened to property paths.</summary>
    private async Task<Dictionary<string, Dictionary<string, JsonElement>>> ExpectedAsync(string dataset)
    {
        var ranking = (await _client.GetAsync($"/api/v1/fiscal-years/{Year}/scorecards?limit=500")).JsonAsync();
        var scorecards = (await ranking).GetProperty("items").EnumerateArray().Select(i => Flatten(i.GetProperty("scorecard"))).ToList();
        var codes = scorecards.Select(s => s["departmentCode"].GetString()!).ToList();
        switch (dataset)
        {
            case "scorecards":
                return scorecards.ToDictionary(s => s["departmentCode"].GetString()!);
            case "indicators":
                var indicators = new Dictionary<string, Dictionary<string, JsonElement>>();
                foreach (var code in codes)
                {
                    var scored = (await (await _client.GetAsync($"/api/v1/departments/{code}/evaluations/{Year}")).JsonAsync())
                        .GetProperty("indicators").EnumerateArray().ToDictionary(i => i.GetProperty("id").GetRawText());
                    foreach (var item in await ItemsAsync(MoreTestData.IndicatorsUrl(code, Year)))
                    {
                        var indicator = Flatten(item);
                        var id = indicator["id"].GetRawText();
                        indicator["completion"] = scored[id].GetProperty("completion");
                        indicator["score"] = scored[id].GetProperty("score");
                        indicators[id] = indicator;
                    }
                }

                return indicators;
            case "budget-lines":
                var lines = new List<JsonElement>();
                foreach (var code in codes)
                {
                    lines.AddRange(await ItemsAsync(MoreTestData.LinesUrl(code, Year)));
                }

                return lines.Select(Flatten).ToDictionary(l => l["id"].GetRawText());
            default:
                return (await ItemsAsync($"/api/v1/budget-adjustments?fiscalYear={Year}")).Select(Flatten).ToDictionary(a => a["id"].GetRawText());
        }
    }

    private async Task<List<JsonElement>> ItemsAsync(string url)
    {
        var response = await _client.GetAsync($"{url}{(url.Contains('?', StringComparison.Ordinal) ? '&' : '?')}limit=500");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.JsonAsync();
        Assert.Equal(JsonValueKind.Null, page.GetProperty("nextCursor").ValueKind);
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    private static Dictionary<string, JsonElement> Flatten(JsonElement element)
    {
        var flat = new Dictionary<string, JsonElement>();
        void Walk(JsonElement e, string prefix)
        {
            foreach (var property in e.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.Object)
                {
                    Walk(property.Value, prefix + property.Name + ".");
                }
                else
                {
                    flat[prefix + property.Name] = property.Value;
                }
            }
        }

        Walk(element, "");
        return flat;
    }
}
