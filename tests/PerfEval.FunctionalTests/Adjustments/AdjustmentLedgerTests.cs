using Microsoft.Data.Sqlite;
using PerfEval.Application.Adjustments;
using PerfEval.Application.Adjustments.Push;
using PerfEval.Application.Budgets;

namespace PerfEval.FunctionalTests.Adjustments;

/// <summary>Reversals, the append-only ledger, and lines named by class + funding source (+ project) instead of id.</summary>
public sealed class AdjustmentLedgerTests(PerfEvalFactory factory) : IClassFixture<PerfEvalFactory>
{
    private const int Year = 2031;

    private readonly HttpClient _admin = factory.CreateClient(PerfEvalFactory.AdminKey);
    private readonly HttpClient _pusher = factory.CreateClient("test-pusher-key");

    private static AdjustmentItem Reversal(JsonElement adjustment, decimal? amount = null) => MoreTestData.Adjustment(
        adjustment.GetProperty("departmentCode").GetString()!,
        adjustment.GetProperty("fiscalYear").GetInt32(),
        adjustment.GetProperty("lineId").GetInt64(),
        amount ?? -adjustment.GetProperty("amount").GetDecimal()) with { ReversesId = adjustment.GetProperty("id").GetInt64(), Reason = "冲销" };

    [Fact]
    public async Task PushAdjustments_WhenCreated_AnswersEachRowExactlyAsTheLedgerStoresIt()
    {
        var (code, lineId) = await _admin.NewLineAsync(Year, initial: 1_000m, executed: 0m);
        var (otherCode, otherLineId) = await _admin.NewLineAsync(Year, initial: 500m, executed: 0m);
        AdjustmentItem[] items =
        [
            MoreTestData.Adjustment(code, Year, lineId, 10m),
            MoreTestData.Adjustment(otherCode, Year, otherLineId, -0.5m),
            MoreTestData.Adjustment(code, Year, lineId, 1_234.56m) with { EffectiveDate = new DateOnly(Year, 12, 31), Reason = "调增 \"引号\" & <标记>" },
        ];

        var pushed = await _pusher.PushCreatedAsync(items);

        var answered = pushed.GetProperty("adjustments").EnumerateArray().ToList();
        Assert.Equal(items.Select(i => i.SourceItemId), answered.Select(a => a.GetProperty("sourceItemId").GetString()));
        foreach (var adjustment in answered)
        {
            var stored = await _admin.GetAsync($"{AdjustmentApi.Url}/{adjustment.GetProperty("id").GetInt64()}");
            Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
            Assert.Equal(adjustment.GetRawText(), await stored.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task PushAdjustments_WhenCreated_RecordsEachRowOnceInTheChangeFeed()
    {
        var (code, lineId) = await _admin.NewLineAsync(Year, initial: 1_000m, executed: 0m);
        var items = Enumerable.Range(0, 5).Select(i => MoreTestData.Adjustment(code, Year, lineId, i + 1m)).ToList();
        var start = (await (await _admin.GetAsync("/api/v1/changes?limit=1")).JsonAsync()).GetProperty("nextCursor").GetString();
        while ((await (await _admin.GetAsync($"/api/v1/changes?after={start}&limit=1000")).JsonAsync()) is var page && page.GetProperty("items").GetArrayLength() > 0)
        {
            start = page.GetProperty("nextCursor").GetString();
        }

        var pushed = await _pusher.PushCreatedAsync(items);

        var ids = pushed.GetProperty("adjustments").EnumerateArray().Select(a => a.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var feed = (await (await _admin.GetAsync($"/api/v1/changes?after={start}&limit=1000")).JsonAsync()).GetProperty("items").EnumerateArray().ToList();
        var recorded = feed.Where(c => c.GetProperty("entityType").GetString() == "budgetAdjustment").ToList();
        Assert.Equal(ids, recorded.Select(c => c.GetProperty("entityKey").GetString()));
        Assert.All(recorded, c => Assert.Equal("created", c.GetProperty("operation").GetString()));
        Assert.All(recorded, c => Assert.Equal(code, c.GetProperty("departmentCode").GetString()));
        Assert.Contains(feed, c => c.GetProperty("entityType").GetString() == "budgetLine" && c.GetProperty("operation").GetString() == "updated");
    }

    [Fact]
    public async Task PushAdjustments_WhenReversed_RestoresTotalsAndKeepsBothRows()
    {
        var (code, lineId) = await _admin.NewLineAsync(Year, initial: 1_000m, executed: 100m);
        var lineBefore = await _admin.LineAsync(code, Year, lineId);
        var summaryBefore = await _admin.SummaryTotalAsync(code, Year);
        var pushed = await _pusher.PushCreatedAsync([MoreTestData.Adjustment(code, Year, lineId, 250.75m)]);
        var original = pushed.GetProperty("adjustments")[0];
        Assert.Equal(1_250.75m, pushed.GetProperty("lines")[0].GetProperty("adjustedAmount").GetDecimal());

        var reversed = await _pusher.PushCreatedAsync([Reversal(original)]);

        var reversal = reversed.GetProperty("adjustments")[0];
        Assert.Equal(original.GetProperty("id").GetInt64(), reversal.GetProperty("reversesId").GetInt64());
        Assert.Equal(-250.75m, reversal.GetProperty("amount").GetDecimal());
        var lineAfter = await _admin.LineAsync(code, Year, lineId);
        Assert.Equal(lineBefore.GetProperty("adjustmentTotal").GetDecimal(), lineAfter.GetProperty("adjustmentTotal").GetDecimal());
        Assert.Equal(lineBefore.GetProperty("adjustedAmount").GetDecimal(), lineAfter.GetProperty("adjustedAmount").GetDecimal());
        var summaryAfter = await _admin.SummaryTotalAsync(code, Year);
        foreach (var field in new[] { "initial", "adjustments", "adjusted", "executed" })
        {
            Assert.Equal(summaryBefore.GetProperty(field).GetDecimal(), summaryAfter.GetProperty(field).GetDecimal());
        }

        var ledger = await _admin.LedgerAsync(code);
        Assert.Equal([original.GetProperty("id").GetInt64(), reversal.GetProperty("id").GetInt64()], ledger.Select(a => a.GetProperty("id").GetInt64()));
        Assert.Equal(JsonValueKind.Null, ledger[0].GetProperty("reversesId").ValueKind);
        var byId = await (await _admin.GetAsync($"{AdjustmentApi.Url}/{reversal.GetProperty("id").GetInt64()}")).JsonAsync();
        Assert.Equal(reversal.ToString(), byId.ToString());
    }

    [Fact]
    public async Task PushAdjustments_WhenReversedTwice_Returns422AndAppliesNothing()
    {
        var (code, lineId) = await _admin.NewLineAsync(Year, initial: 1_000m, executed: 0m);
        var original = (await _pusher.PushCreatedAsync([MoreTestData.Adjustment(code, Year, lineId, 40m)])).GetProperty("adjustments")[0];
        await _pusher.PushCreatedAsync([Reversal(original)]);
        var before = await _admin.LineRawAsync(code, Year, lineId);

        var again = await _pusher.PushAsync([MoreTestData.Adjustment(code, Year, lineId, 1m), Reversal(original)], AdjustmentApi.NewKey());

        Assert.Equal(["adjustments[1]"], (await again.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).ErrorKeys());
        Assert.Equal(before, await _admin.LineRawAsync(code, Year, lineId));
        Assert.Equal(2, (await _admin.LedgerAsync(code)).Count);
    }

    [Fact]
    public async Task PushAdjustments_WhenReversedTwiceInOneBatch_Returns422AndAppliesNothing()
    {
        var (code, lineId) = await _admin.NewLineAsync(Year, initial: 1_000m, executed: 0m);
        var original = (await _pusher.PushCreatedAsync([MoreTestData.Adjustment(code, Year, lineId, 40m)])).GetProperty("adjustments")[0];
        var before = await _admin.LineRawAsync(code, Year, lineId);

        var twice = await _pusher.PushAsync([Reversal(original), Reversal(original)], AdjustmentApi.NewKey());

        var problem = await twice.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("adjustments[1]", problem.ErrorKeys());
        Assert.Equal(before, await _admin.LineRawAsync(code, Year, lineId));
        Assert.Single(await _admin.LedgerAsync(code));
    }

    [Theory]
    [InlineData("-39.99")]
    [InlineData("40")]
    [InlineData("-80")]
    public async Task PushAdjustments_WhenReversalHasTheWrongAmount_Returns422AndAppliesNothing(string amount)
    {
        var (code, lineId) = await _admin.NewLineAsync(Year, initial: 1_000m, executed: 0m);
        var original = (await _pusher.PushCreatedAsync([MoreTestData.Adjustment(code, Year, lineId, 40m)])).GetProperty("adjustments")[0];
        var before = await _admin.LineRawAsync(code, Year, lineId);

        var wrong = await _pusher.PushAsync([Reversal(original, decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture))], AdjustmentApi.NewKey());

        Assert.Equal(["adjustments[0]"], (await wrong.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).ErrorKeys());
        Assert.Equal(before, await _admin.LineRawAsync(code, Year, lineId));
        Assert.Single(await _admin.LedgerAsync(code));
    }

    [Fact]
    public async Task PushAdjustments_WhenReversalIsOnAnotherLineOrOfAnUnknownAdjustment_Returns422()
    {
        var (code, lineId) = await _admin.NewLineAsync(Year, initial: 1_000m, executed: 0m);
        var otherLine = (await _admin.CreateBudgetLineAsync(code, Year, "operating", "superior", 500m, 0m)).GetProperty("id").GetInt64();
        var original = (await _pusher.PushCreatedAsync([MoreTestData.Adjustment(code, Year, lineId, 40m)])).GetProperty("adjustments")[0];

        var response = await _pusher.PushAsync(
            [
                MoreTestData.Adjustment(code, Year, otherLine, -40m) with { ReversesId = original.GetProperty("id").GetInt64() },
                MoreTestData.Adjustment(code, Year, lineId, -40m) with { ReversesId = 987_654_321 },
            ],
            AdjustmentApi.NewKey());

        Assert.Equal(["adjustments[0]", "adjustments[1]"], (await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).ErrorKeys().Order());
        Assert.Single(await _admin.LedgerAsync(code));
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    public async Task BudgetAdjustments_HaveNoRouteThatChangesOrRemovesAnEntry(string method)
    {
        var (code, lineId) = await _admin.NewLineAsync(Year, initial: 1_000m, executed: 0m);
        var id = (await _pusher.PushCreatedAsync([MoreTestData.Adjustment(code, Year, lineId, 40m)])).GetProperty("adjustments")[0].GetProperty("id").GetInt64();

        foreach (var url in new[] { $"{AdjustmentApi.Url}/{id}", AdjustmentApi.Url })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), url)
            {
                Content = method == "DELETE" ? null : TestData.JsonContent(new { amount = 1m }),
            };
            var response = await _admin.SendAsync(request);
            Assert.True(
                response.StatusCode is HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotFound,
                $"{method} {url}: expected 405 or 404, got {(int)response.StatusCode}");
        }

        Assert.Equal(40m, await _admin.AdjustmentTotalAsync(code, Year, lineId));
        Assert.Single(await _admin.LedgerAsync(code));
    }

    [Fact]
    public async Task GetBudgetAdjustment_WhenUnknown_Returns404()
    {
        var response = await _pusher.GetAsync($"{AdjustmentApi.Url}/987654321");

        await response.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task BudgetAdjustments_WhenTheTableIsChangedDirectly_TheDatabaseRefuses()
    {
        if (PerfEvalFactory.SqlServerConnectionString is not null)
        {
            return; // The direct check opens the test's SQLite file.
        }

        var (code, lineId) = await _admin.NewLineAsync(Year, initial: 1_000m, executed: 0m);
        var id = (await _pusher.PushCreatedAsync([MoreTestData.Adjustment(code, Year, lineId, 40m)])).GetProperty("adjustments")[0].GetProperty("id").GetInt64();
        var database = Path.Combine(factory.DataFolder, "perfeval.db");
        Assert.True(File.Exists(database), database);

        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString());
        await connection.OpenAsync();
        foreach (var sql in new[] { "UPDATE budget_adjustments SET amount = '1000000' WHERE id = $id", "DELETE FROM budget_adjustments WHERE id = $id" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.AddWithValue("$id", id);
            var refused = await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteNonQueryAsync());
            Assert.Contains("append-only", refused.Message, StringComparison.Ordinal);
        }

        var entry = await (await _admin.GetAsync($"{AdjustmentApi.Url}/{id}")).JsonAsync();
        Assert.Equal(40m, entry.GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task PushAdjustments_WhenLineNamedByClassAndFundingSource_WorksLikeLineId()
    {
        await _admin.CreateYearAsync(Year);
        var code = await _admin.CreateDepartmentAsync();
        var operatingOwn = (await _admin.CreateBudgetLineAsync(code, Year, "operating", "ownLevel", 1_000m, 0m)).GetProperty("id").GetInt64();
        var operatingSuperior = (await _admin.CreateBudgetLineAsync(code, Year, "operating", "superior", 2_000m, 0m)).GetProperty("id").GetInt64();
        var projectId = (await _admin.CreateProjectAsync(code, Year)).GetProperty("id").GetInt64();
        var projectLine = (await _admin.CreateBudgetLineAsync(code, Year, "project", "ownLevel", 3_000m, 0m, projectId)).GetProperty("id").GetInt64();

        var pushed = await _pusher.PushCreatedAsync(
            [
                ByClass(code, ExpenditureClass.Operating, FundingSource.OwnLevel, null, 11m),
                ByClass(code, ExpenditureClass.Operating, FundingSource.Superior, null, 22m),
                ByClass(code, ExpenditureClass.Project, FundingSource.OwnLevel, projectId, 33m),
                MoreTestData.Adjustment(code, Year, operatingOwn, 0.5m),
            ]);

        Assert.Equal([operatingOwn, operatingSuperior, projectLine, operatingOwn], pushed.GetProperty("adjustments").EnumerateArray().Select(a => a.GetProperty("lineId").GetInt64()));
        Assert.Equal(11.5m, await _admin.AdjustmentTotalAsync(code, Year, operatingOwn));
        Assert.Equal(22m, await _admin.AdjustmentTotalAsync(code, Year, operatingSuperior));
        Assert.Equal(33m, await _admin.AdjustmentTotalAsync(code, Year, projectLine));
        Assert.Equal(66.5m, (await _admin.SummaryTotalAsync(code, Year)).GetProperty("adjustments").GetDecimal());
    }

    [Fact]
    public async Task PushAdjustments_WhenNamedLineDoesNotExist_Returns422NamingTheItem()
    {
        await _admin.CreateYearAsync(Year);
        var code = await _admin.CreateDepartmentAsync();
        await _admin.CreateBudgetLineAsync(code, Year, "operating", "ownLevel", 1_000m, 0m);
        var projectId = (await _admin.CreateProjectAsync(code, Year)).GetProperty("id").GetInt64();
        await _admin.CreateBudgetLineAsync(code, Year, "project", "ownLevel", 3_000m, 0m, projectId);

        var response = await _pusher.PushAsync(
            [
                ByClass(code, ExpenditureClass.Operating, FundingSource.OwnLevel, null, 1m),
                ByClass(code, ExpenditureClass.Operating, FundingSource.Other, null, 1m),
                ByClass(code, ExpenditureClass.Project, FundingSource.OwnLevel, null, 1m),
                ByClass(code, ExpenditureClass.Project, FundingSource.OwnLevel, projectId + 1000, 1m),
                ByClass(code, ExpenditureClass.Personnel, FundingSource.OwnLevel, null, 1m),
                ByClass(code, ExpenditureClass.Project, FundingSource.OwnLevel, projectId, 1m),
            ],
            AdjustmentApi.NewKey());

        Assert.Equal(["adjustments[1]", "adjustments[2]", "adjustments[3]", "adjustments[4]"], (await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).ErrorKeys().Order());
        Assert.Empty(await _admin.LedgerAsync(code));
    }

    [Fact]
    public async Task PushAdjustments_WhenLineNamedByClassOnly_Returns400()
    {
        await _admin.CreateYearAsync(Year);
        var code = await _admin.CreateDepartmentAsync();
        await _admin.CreateBudgetLineAsync(code, Year, "operating", "ownLevel", 1_000m, 0m);

        var response = await _pusher.PushAsync(
            [MoreTestData.Adjustment(code, Year, null, 1m) with { ExpenditureClass = ExpenditureClass.Operating }],
            AdjustmentApi.NewKey());

        Assert.Contains("adjustments[0].fundingSource", (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorKeys());
        Assert.Empty(await _admin.LedgerAsync(code));
    }

    private static AdjustmentItem ByClass(string code, ExpenditureClass expenditureClass, FundingSource fundingSource, long? projectId, decimal amount) =>
        MoreTestData.Adjustment(code, Year, null, amount) with { ExpenditureClass = expenditureClass, FundingSource = fundingSource, ProjectId = projectId };
}
