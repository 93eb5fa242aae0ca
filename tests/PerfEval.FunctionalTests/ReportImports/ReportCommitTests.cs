using System.Net.Http.Headers;
using System.Text;
using PerfEval.Application.ReportImports;
using PerfEval.FunctionalTests.Security;
using PerfEval.UnitTests.ReportImports;

namespace PerfEval.FunctionalTests.ReportImports;

/// <summary>
/// Review and commit: each seed report, sent as text and as Word, commits without a correction into a
/// fresh database and scores as DOMAIN.md's worked examples; a draft with an unreadable field is
/// refused naming it until a reviewer corrects it; commits are idempotent, replace only when asked,
/// refuse a closed year and stay inside the client's scope; corrections need the draft's version.
/// </summary>
public sealed class ReportCommitTests(ReportCommitTests.StrictFactory factory) : IClassFixture<ReportCommitTests.StrictFactory>
{
    private const string Url = "/api/v1/report-imports";

    /// <summary>Every change must name the version it changes (If-Match), as in production.</summary>
    public class StrictFactory : PerfEvalFactory
    {
        protected override bool RequireIfMatch => true;
    }

    private readonly HttpClient _admin = factory.CreateClient();

    public static TheoryData<string, string, decimal, decimal, decimal, decimal, string, decimal[], decimal[]> Seeds
    {
        get
        {
            var data = new TheoryData<string, string, decimal, decimal, decimal, decimal, string, decimal[], decimal[]>();
            foreach (var format in new[] { "text", "docx" })
            {
                data.Add("seed-000", format, 62.70m, 94.82m, 9.48m, 99.48m, "excellent", [100.00m, 103.26m, 100.00m, 100.20m], [20.00m, 25.00m, 20.00m, 25.00m]);
                data.Add("seed-001", format, 0.00m, 100.00m, 10.00m, 85.00m, "good", [100.00m, 100.00m, 0.00m, 102.86m, 101.50m], [10.00m, 20.00m, 0.00m, 30.00m, 15.00m]);
                data.Add("seed-002", format, 0.00m, 98.04m, 9.80m, 99.80m, "excellent", [125.00m, 150.00m, 104.00m, 120.00m, 110.50m], [10.00m, 20.00m, 30.00m, 15.00m, 15.00m]);
            }

            return data;
        }
    }

    private static ByteArrayContent File(byte[] bytes, string mediaType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return content;
    }

    private static ByteArrayContent Report(string seed, string format = "text") => format == "docx"
        ? File(ReportFixtures.SeedDocx(seed), ReportContentTypes.Docx)
        : File(ReportFixtures.SeedBytes(seed + ".txt"), "text/plain");

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<long> UploadAsync(HttpClient client, HttpContent content) =>
        (await OkAsync(await client.PostAsync(Url, content), HttpStatusCode.Created)).GetProperty("id").GetInt64();

    private static Task<HttpResponseMessage> CommitAsync(HttpClient client, long id, bool replace = false) =>
        client.PostAsync($"{Url}/{id}/commit{(replace ? "?replace=true" : "")}", null);

    private static Task<HttpResponseMessage> PatchAsync(HttpClient client, long id, string? ifMatch, object fields)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, $"{Url}/{id}")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { fields }), Encoding.UTF8, "application/json"),
        };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request);
    }

    private static IEnumerable<string> Codes(JsonElement card) =>
        card.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("code").GetString()!);

    private static async Task<int> CountAsync(HttpClient client, string url) =>
        (await OkAsync(await client.GetAsync(url))).GetProperty("items").GetArrayLength();

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task CommitReportImport_SeedWithoutCorrection_ScoresAsTheWorkedExample(
        string seed, string format, decimal adjustmentRate, decimal executionRate, decimal executionScore, decimal composite, string grade, decimal[] completions, decimal[] scores)
    {
        await using var fresh = new StrictFactory();
        var client = fresh.CreateClient();
        var id = await UploadAsync(client, Report(seed, format));

        var card = await OkAsync(await CommitAsync(client, id));

        Assert.Equal(adjustmentRate, card.GetProperty("budget").GetProperty("adjustmentRate").GetDecimal());
        Assert.Equal(executionRate, card.GetProperty("budget").GetProperty("executionRate").GetDecimal());
        Assert.Equal(executionScore, card.GetProperty("executionScore").GetDecimal());
        Assert.Equal(composite, card.GetProperty("compositeScore").GetDecimal());
        Assert.Equal(grade, card.GetProperty("grade").GetString());
        var indicators = card.GetProperty("indicators").EnumerateArray().ToList();
        Assert.Equal(completions, indicators.Select(i => i.GetProperty("completion").GetDecimal()));
        Assert.Equal(scores, indicators.Select(i => i.GetProperty("score").GetDecimal()));
        var codes = Codes(card).ToList();
        switch (seed)
        {
            case "seed-000":
                var split = card.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("code").GetString() == "BUDGET_CLASS_SPLIT");
                Assert.Equal(3_368_000m, split.GetProperty("figures").GetProperty("basicExpenditure").GetDecimal());
                Assert.Equal(33_247_500m, split.GetProperty("figures").GetProperty("projectExpenditure").GetDecimal());
                Assert.Equal(38_615_500m, split.GetProperty("figures").GetProperty("expenditureTotal").GetDecimal());
                Assert.Contains("DECLARED_EXPENDITURE_TOTAL_MISMATCH", codes);
                // 二(二)2 gives the projects 3524.76 / 3324.76 万元: 100 yuan more than the totals allow.
                var projectBudget = card.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("code").GetString() == "DECLARED_PROJECT_BUDGET_MISMATCH");
                Assert.Equal(35_247_600m, projectBudget.GetProperty("figures").GetProperty("declared").GetDecimal());
                Assert.Equal(35_247_500m, projectBudget.GetProperty("figures").GetProperty("computed").GetDecimal());
                Assert.Contains("DECLARED_PROJECT_EXECUTED_MISMATCH", codes);
                // 人员经费 318.62 and 公用经费 18.18 万元 are kept as declared; the unsplit basic line gives nothing to compare them with.
                if (PerfEvalFactory.SqlServerConnectionString is null)
                {
                    Assert.Equal(("3186200.00", "181800.00"), DeclaredClasses(fresh, card.GetProperty("departmentCode").GetString()!));
                }
                Assert.DoesNotContain("DECLARED_PERSONNEL_MISMATCH", codes);
                break;
            case "seed-001":
                Assert.Contains("DECLARED_ADJUSTMENT_RATE_MISMATCH", codes);
                Assert.False(card.GetProperty("declared").GetProperty("adjustmentRate").GetProperty("consistent").GetBoolean());
                Assert.Contains(card.GetProperty("findings").EnumerateArray(), f => f.GetProperty("code").GetString() == "FINAL_BELOW_MID_YEAR" && f.GetProperty("subject").GetString() == "indicator 2");
                break;
            default:
                Assert.Contains(card.GetProperty("findings").EnumerateArray(), f => f.GetProperty("code").GetString() == "TARGET_LIKELY_TOO_LOW" && f.GetProperty("subject").GetString() == "indicator 2");
                Assert.Contains(card.GetProperty("findings").EnumerateArray(), f => f.GetProperty("code").GetString() == "FINAL_BELOW_MID_YEAR" && f.GetProperty("subject").GetString() == "indicator 1");
                break;
        }

        // What the report does not state is stored as unstated, never guessed.
        var code = card.GetProperty("departmentCode").GetString();
        var lines = (await OkAsync(await client.GetAsync($"/api/v1/departments/{code}/budgets/2024/lines"))).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["basic", "project"], lines.Select(l => l.GetProperty("expenditureClass").GetString()));
        Assert.All(lines, l => Assert.Equal("unstated", l.GetProperty("fundingSource").GetString()));
        var import = await OkAsync(await client.GetAsync($"{Url}/{id}"));
        Assert.Equal("committed", import.GetProperty("status").GetString());
        Assert.Equal(code, import.GetProperty("departmentCode").GetString());
    }

    /// <summary>The evaluation's declared personnel and operating budgets as stored (no endpoint reads them back alone).</summary>
    private static (string?, string?) DeclaredClasses(PerfEvalFactory factory, string code)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(factory.DataFolder, "perfeval.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT declared_personnel, declared_operating FROM evaluations WHERE department_code = $code AND fiscal_year = 2024";
        command.Parameters.AddWithValue("$code", code);
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        return (reader.IsDBNull(0) ? null : reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1));
    }

    private static byte[] Seed002WithoutOperator() =>
        Encoding.UTF8.GetBytes(ReportFixtures.SeedText("seed-002").Replace("预期指标值为大于等于8家", "预期指标值为8家", StringComparison.Ordinal));

    [Fact]
    public async Task CommitReportImport_WhenAnIndicatorsOperatorIsUnreadable_Returns422NamingItUntilCorrected()
    {
        await using var fresh = new StrictFactory();
        var client = fresh.CreateClient();
        var created = await OkAsync(await client.PostAsync(Url, File(Seed002WithoutOperator(), "text/plain")), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt64();
        var draft = created.GetProperty("draft");
        Assert.Equal("missing", draft.GetProperty("indicators")[1].GetProperty("operator").GetProperty("status").GetString());
        Assert.Contains(draft.GetProperty("flags").EnumerateArray(), f => f.GetProperty("path").GetString() == "indicators[1].operator" && f.GetProperty("code").GetString() == "operatorNotStated");

        var refused = await SecurityAssert.ProblemAsync(await CommitAsync(client, id), HttpStatusCode.UnprocessableEntity);
        var errors = refused.GetProperty("errors");
        Assert.Equal(["indicators[1].operator"], errors.EnumerateObject().Select(e => e.Name));
        Assert.StartsWith("缺失", errors.GetProperty("indicators[1].operator")[0].GetString());
        Assert.Equal(0, await CountAsync(client, "/api/v1/departments"));

        var corrected = await OkAsync(await PatchAsync(client, id, "\"1\"", new Dictionary<string, object> { ["indicators[1].operator"] = "atLeast" }));
        Assert.Equal("corrected", corrected.GetProperty("draft").GetProperty("indicators")[1].GetProperty("operator").GetProperty("status").GetString());
        Assert.Equal(2, corrected.GetProperty("version").GetInt32());

        var card = await OkAsync(await CommitAsync(client, id));
        Assert.Equal(99.80m, card.GetProperty("compositeScore").GetDecimal());
        Assert.Equal(150.00m, card.GetProperty("indicators")[1].GetProperty("completion").GetDecimal());
    }

    [Fact]
    public async Task CommitReportImport_WhenCommittedTwice_AnswersTheSameAndCreatesNothingTwice()
    {
        await using var fresh = new StrictFactory();
        var client = fresh.CreateClient();
        var id = await UploadAsync(client, Report("seed-000"));

        var first = await CommitAsync(client, id);
        var firstBody = await first.Content.ReadAsStringAsync();
        var code = JsonDocument.Parse(firstBody).RootElement.GetProperty("departmentCode").GetString();
        var second = await CommitAsync(client, id);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(firstBody, await second.Content.ReadAsStringAsync());
        Assert.Equal(1, await CountAsync(client, "/api/v1/departments"));
        Assert.Equal(2, await CountAsync(client, $"/api/v1/departments/{code}/budgets/2024/lines"));
        Assert.Equal(4, await CountAsync(client, $"/api/v1/departments/{code}/evaluations/2024/indicators"));
        Assert.Equal(1, await CountAsync(client, $"/api/v1/budget-adjustments?departmentCode={code}&fiscalYear=2024"));
    }

    [Fact]
    public async Task CommitReportImport_WhenTheYearHasData_Returns409_AndReplacesItOnlyWhenAsked()
    {
        await using var fresh = new StrictFactory();
        var client = fresh.CreateClient();
        var first = await OkAsync(await CommitAsync(client, await UploadAsync(client, Report("seed-000"))));
        var code = first.GetProperty("departmentCode").GetString();
        var again = await UploadAsync(client, Report("seed-000", "docx"));

        var refused = await SecurityAssert.ProblemAsync(await CommitAsync(client, again), HttpStatusCode.Conflict);
        Assert.Contains("replace=true", refused.GetProperty("detail").GetString());
        Assert.Equal("draft", (await OkAsync(await client.GetAsync($"{Url}/{again}"))).GetProperty("status").GetString());

        var replaced = await OkAsync(await CommitAsync(client, again, replace: true));
        Assert.Equal(code, replaced.GetProperty("departmentCode").GetString());
        Assert.Equal(99.48m, replaced.GetProperty("compositeScore").GetDecimal());
        Assert.Equal(62.70m, replaced.GetProperty("budget").GetProperty("adjustmentRate").GetDecimal());
        Assert.Equal(2, await CountAsync(client, $"/api/v1/departments/{code}/budgets/2024/lines"));
        Assert.Equal(4, await CountAsync(client, $"/api/v1/departments/{code}/evaluations/2024/indicators"));
    }

    [Fact]
    public async Task CommitReportImport_WhenTheYearIsClosed_Returns409AndStoresNothing()
    {
        await using var fresh = new StrictFactory();
        var client = fresh.CreateClient();
        await OkAsync(await client.PostJsonAsync("/api/v1/fiscal-years", new { year = 2024, status = "evaluation" }), HttpStatusCode.Created);
        var close = new HttpRequestMessage(HttpMethod.Patch, "/api/v1/fiscal-years/2024")
        {
            Content = new StringContent("""{"status":"closed"}""", Encoding.UTF8, "application/json"),
        };
        close.Headers.TryAddWithoutValidation("If-Match", "*");
        await OkAsync(await client.SendAsync(close));
        var id = await UploadAsync(client, Report("seed-002"));

        await SecurityAssert.ProblemAsync(await CommitAsync(client, id), HttpStatusCode.Conflict);

        Assert.Equal(0, await CountAsync(client, "/api/v1/departments"));
        Assert.Equal("draft", (await OkAsync(await client.GetAsync($"{Url}/{id}"))).GetProperty("status").GetString());
    }

    [Fact]
    public async Task CommitReportImport_ByAReaderKey_Returns403()
    {
        var id = await UploadAsync(_admin, Report("seed-002"));

        await SecurityAssert.ProblemAsync(await CommitAsync(factory.CreateClient("test-reader-key"), id), HttpStatusCode.Forbidden);
        await SecurityAssert.ProblemAsync(await PatchAsync(factory.CreateClient("test-reader-key"), id, "\"1\"", new Dictionary<string, object> { ["region"] = "x" }), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task CommitReportImport_WhenTheDraftsDepartmentIsOutsideTheClientsLimits_Returns404()
    {
        var department = await _admin.PostJsonAsync("/api/v1/departments", TestData.Department("RC-SWJ", "乌鲁木齐高新技术产业开发区(乌鲁木齐市新市区)商务局", "报告提交测试区"));
        Assert.True(department.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict);
        var id = await UploadAsync(_admin, Report("seed-001"));
        var regional = factory.CreateClient("test-regional-key");

        await SecurityAssert.ProblemAsync(await CommitAsync(regional, id), HttpStatusCode.NotFound);
        await SecurityAssert.ProblemAsync(await PatchAsync(regional, id, "\"1\"", new Dictionary<string, object> { ["region"] = "x" }), HttpStatusCode.NotFound);
        Assert.Equal("draft", (await OkAsync(await _admin.GetAsync($"{Url}/{id}"))).GetProperty("status").GetString());
    }

    [Fact]
    public async Task CorrectReportImport_NeedsTheDraftsVersion_428Without_412WhenStale()
    {
        var id = await UploadAsync(_admin, Report("seed-002"));
        var fields = new Dictionary<string, object> { ["departmentCode"] = "RC-CYFWZX" };

        await SecurityAssert.ProblemAsync(await PatchAsync(_admin, id, null, fields), (HttpStatusCode)428);
        await SecurityAssert.ProblemAsync(await PatchAsync(_admin, id, "\"7\"", fields), HttpStatusCode.PreconditionFailed);
        var corrected = await PatchAsync(_admin, id, "\"1\"", fields);

        var body = await OkAsync(corrected);
        Assert.Equal("\"2\"", corrected.Headers.ETag?.Tag);
        Assert.Equal("RC-CYFWZX", body.GetProperty("draft").GetProperty("departmentCode").GetProperty("value").GetString());
        Assert.Equal("corrected", body.GetProperty("draft").GetProperty("departmentCode").GetProperty("status").GetString());
        await SecurityAssert.ProblemAsync(await PatchAsync(_admin, id, "\"1\"", fields), HttpStatusCode.PreconditionFailed);
    }

    [Theory]
    [InlineData("indicators[99].operator", "\"atLeast\"")]
    [InlineData("budget", "1")]
    [InlineData("Budget.Initial", "1")]
    [InlineData("indicators[0].operator", "\"moreOrLess\"")]
    [InlineData("budget.initial", "\"many\"")]
    public async Task CorrectReportImport_WhenThePathOrValueDoesNotFitAField_Returns422AndChangesNothing(string path, string value)
    {
        var id = await UploadAsync(_admin, Report("seed-002"));
        var before = await OkAsync(await _admin.GetAsync($"{Url}/{id}"));

        var problem = await SecurityAssert.ProblemAsync(
            await PatchAsync(_admin, id, "\"1\"", new Dictionary<string, JsonElement> { [path] = JsonDocument.Parse(value).RootElement }),
            HttpStatusCode.UnprocessableEntity);

        Assert.True(problem.TryGetProperty("errors", out _));
        var after = await OkAsync(await _admin.GetAsync($"{Url}/{id}"));
        Assert.Equal(before.GetProperty("draft").GetRawText(), after.GetProperty("draft").GetRawText());
        Assert.Equal(1, after.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task CorrectReportImport_WhenCommitted_Returns409()
    {
        await using var fresh = new StrictFactory();
        var client = fresh.CreateClient();
        var id = await UploadAsync(client, Report("seed-002"));
        await OkAsync(await CommitAsync(client, id));

        await SecurityAssert.ProblemAsync(await PatchAsync(client, id, "*", new Dictionary<string, object> { ["region"] = "x" }), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task CommitReportImport_WhenTheReportStatesTwoStaffingTotals_RecordsBothAndRaisesAFinding()
    {
        await using var fresh = new StrictFactory();
        var client = fresh.CreateClient();
        var text = ReportFixtures.SeedText("seed-002").Replace("实有人数 13人,雇员 2人。", "实有人数 13人,雇员 2人。单位编制人数 15 人。", StringComparison.Ordinal);
        var created = await OkAsync(await client.PostAsync(Url, File(Encoding.UTF8.GetBytes(text), "text/plain")), HttpStatusCode.Created);
        Assert.Equal("conflicting", created.GetProperty("draft").GetProperty("unit").GetProperty("staffing").GetProperty("total").GetProperty("status").GetString());

        var card = await OkAsync(await CommitAsync(client, created.GetProperty("id").GetInt64()));

        var finding = card.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("code").GetString() == "REPORT_FACTS_CONFLICTING");
        Assert.Equal("warning", finding.GetProperty("severity").GetString());
        Assert.Equal("evaluation", finding.GetProperty("subject").GetString());
        Assert.Contains("unit.staffing.total: 13; 15", finding.GetProperty("message").GetString());
        Assert.Equal(99.80m, card.GetProperty("compositeScore").GetDecimal());
        var kept = await OkAsync(await client.GetAsync($"/api/v1/departments/{card.GetProperty("departmentCode").GetString()}/evaluations/2024"));
        Assert.Contains(kept.GetProperty("findings").EnumerateArray(), f => f.GetProperty("code").GetString() == "REPORT_FACTS_CONFLICTING");
    }
}
