using PerfEval.Application.Adjustments;
using PerfEval.Application.Adjustments.Push;
using PerfEval.Application.Common;

namespace PerfEval.FunctionalTests.Budgets;

/// <summary>Adjustments arrive from other systems, not over this API: they are sent through the service's own MediatR pipeline.</summary>
public sealed class BudgetAdjustmentTests(PerfEvalFactory factory) : IClassFixture<PerfEvalFactory>
{
    private const int Year = 2031;

    private readonly HttpClient _client = factory.CreateClient();

    private async Task<(string Code, long LineId, string Url)> LineAsync(decimal initial, decimal executed)
    {
        await _client.CreateYearAsync(Year);
        var code = await _client.CreateDepartmentAsync();
        var line = await _client.CreateBudgetLineAsync(code, Year, "project", "ownLevel", initial, executed);
        var id = line.GetProperty("id").GetInt64();
        return (code, id, $"{MoreTestData.LinesUrl(code, Year)}/{id}");
    }

    [Fact]
    public async Task PushBudgetAdjustments_WhenTenThousandCentsOnOneLine_AddsExactly100Yuan()
    {
        var (code, lineId, url) = await LineAsync(initial: 12_345_678_901.23m, executed: 0m);
        var batch = Enumerable.Range(0, PushBudgetAdjustments.MaxBatch)
            .Select(i => MoreTestData.Adjustment(code, Year, lineId, 0.01m, $"cent-{lineId}-{i}"))
            .ToList();

        var recorded = (await factory.SendAsync(new PushBudgetAdjustments(batch))).Recorded;

        Assert.Equal(10_000, recorded.Adjustments.Count);
        Assert.Equal(12_345_679_001.23m, Assert.Single(recorded.Lines).AdjustedAmount);
        var line = await (await _client.GetAsync(url)).JsonAsync();
        Assert.Equal(100.00m, line.GetProperty("adjustmentTotal").GetDecimal());
        Assert.Equal(12_345_678_901.23m, line.GetProperty("initialAmount").GetDecimal());
        Assert.Equal(12_345_678_901.23m + 100.00m, line.GetProperty("adjustedAmount").GetDecimal());
        var total = (await (await _client.GetAsync(MoreTestData.SummaryUrl(code, Year))).JsonAsync()).GetProperty("total");
        Assert.Equal(100.00m, total.GetProperty("adjustments").GetDecimal());
        Assert.Equal(12_345_679_001.23m, total.GetProperty("adjusted").GetDecimal());
        Assert.Equal(total.GetProperty("initial").GetDecimal() + 100.00m, total.GetProperty("adjusted").GetDecimal());
    }

    [Fact]
    public async Task PushBudgetAdjustments_WhenOneItemNamesAnUnknownLine_AppliesNothingAndNamesTheItem()
    {
        var (code, lineId, url) = await LineAsync(initial: 1_000m, executed: 0m);
        var before = await (await _client.GetAsync(url)).Content.ReadAsStringAsync();
        PushBudgetAdjustments batch = new(
            [
                MoreTestData.Adjustment(code, Year, lineId, 100m),
                MoreTestData.Adjustment(code, Year, lineId, 200m),
                MoreTestData.Adjustment(code, Year, 987_654_321, 300m),
                MoreTestData.Adjustment(code, Year, lineId, 400m),
            ]);

        var failure = await Assert.ThrowsAsync<BusinessRuleException>(() => factory.SendAsync(batch));

        Assert.Equal(["adjustments[2]"], failure.Errors.Keys);
        Assert.Equal(before, await (await _client.GetAsync(url)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PushBudgetAdjustments_WhenOneItemTakesAdjustedBelowExecuted_AppliesNothingAndNamesTheItem()
    {
        var (code, lineId, url) = await LineAsync(initial: 1_000m, executed: 900m);
        var before = await (await _client.GetAsync(url)).Content.ReadAsStringAsync();
        PushBudgetAdjustments batch = new(
            [
                MoreTestData.Adjustment(code, Year, lineId, 50m),
                MoreTestData.Adjustment(code, Year, lineId, -150m),
                MoreTestData.Adjustment(code, Year, lineId, -0.01m),
            ]);

        var failure = await Assert.ThrowsAsync<BusinessRuleException>(() => factory.SendAsync(batch));

        Assert.Equal(["adjustments[2]"], failure.Errors.Keys);
        Assert.Equal(before, await (await _client.GetAsync(url)).Content.ReadAsStringAsync());
        var summary = (await (await _client.GetAsync(MoreTestData.SummaryUrl(code, Year))).JsonAsync()).GetProperty("total");
        Assert.Equal(0m, summary.GetProperty("adjustments").GetDecimal());
    }

    [Fact]
    public async Task PushBudgetAdjustments_WhenItemsTakeALineBeyondTheLargestAmount_AppliesNothingAndNamesTheItem()
    {
        // Each item is within the amount limit; together they would overflow the line's stored total.
        var (code, lineId, url) = await LineAsync(initial: 1_000m, executed: 0m);
        var before = await (await _client.GetAsync(url)).Content.ReadAsStringAsync();
        PushBudgetAdjustments batch = new(
            [
                MoreTestData.Adjustment(code, Year, lineId, DomainRules.MaxAmount - 1_000m),
                MoreTestData.Adjustment(code, Year, lineId, 0.01m),
            ]);

        var failure = await Assert.ThrowsAsync<BusinessRuleException>(() => factory.SendAsync(batch));

        Assert.Equal(["adjustments[1]"], failure.Errors.Keys);
        Assert.Equal(before, await (await _client.GetAsync(url)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PushBudgetAdjustments_WhenSourceItemReplayed_AppliesNothingAndNamesTheItem()
    {
        var (code, lineId, url) = await LineAsync(initial: 1_000m, executed: 0m);
        var sourceItem = "replayed-" + Guid.NewGuid().ToString("N");
        await factory.SendAsync(new PushBudgetAdjustments([MoreTestData.Adjustment(code, Year, lineId, 10m, sourceItem)]));
        var before = await (await _client.GetAsync(url)).Content.ReadAsStringAsync();

        var failure = await Assert.ThrowsAsync<ConflictException>(() => factory.SendAsync(new PushBudgetAdjustments(
            [MoreTestData.Adjustment(code, Year, lineId, 20m), MoreTestData.Adjustment(code, Year, lineId, 10m, sourceItem)])));

        Assert.Equal(["adjustments[1]"], failure.Errors!.Keys);
        Assert.Equal(before, await (await _client.GetAsync(url)).Content.ReadAsStringAsync());
        Assert.Equal(10m, JsonDocument.Parse(before).RootElement.GetProperty("adjustmentTotal").GetDecimal());
    }

    [Fact]
    public async Task PushBudgetAdjustments_WhenApplied_BumpsTheLineVersionAndKeepsInitialAndExecuted()
    {
        var (code, lineId, url) = await LineAsync(initial: 252_390.00m, executed: 247_440.00m);

        await factory.SendAsync(new PushBudgetAdjustments(
            [MoreTestData.Adjustment(code, Year, lineId, 1_000.50m), MoreTestData.Adjustment(code, Year, lineId, -0.50m)]));

        var line = await (await _client.GetAsync(url)).JsonAsync();
        Assert.Equal(1_000.00m, line.GetProperty("adjustmentTotal").GetDecimal());
        Assert.Equal(253_390.00m, line.GetProperty("adjustedAmount").GetDecimal());
        Assert.Equal(252_390.00m, line.GetProperty("initialAmount").GetDecimal());
        Assert.Equal(247_440.00m, line.GetProperty("executedAmount").GetDecimal());
        Assert.True(line.GetProperty("version").GetInt32() > 1);

        var update = await _client.PutJsonAsync(url, MoreTestData.BudgetLine("project", "ownLevel", 300_000.00m, 247_440.00m));
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        var updated = await update.JsonAsync();
        Assert.Equal(1_000.00m, updated.GetProperty("adjustmentTotal").GetDecimal());
        Assert.Equal(301_000.00m, updated.GetProperty("adjustedAmount").GetDecimal());
    }
}
