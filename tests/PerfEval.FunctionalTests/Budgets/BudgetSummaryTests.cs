using PerfEval.Application.Adjustments;
using PerfEval.Application.Adjustments.Push;

namespace PerfEval.FunctionalTests.Budgets;

public sealed class BudgetSummaryTests(PerfEvalFactory factory) : IClassFixture<PerfEvalFactory>
{
    private const int Year = 2031;

    private static readonly string[] Amounts = ["initial", "adjustments", "adjusted", "executed"];

    private readonly HttpClient _client = factory.CreateClient();

    private async Task<string> DepartmentInOpenYearAsync()
    {
        await _client.CreateYearAsync(Year);
        return await _client.CreateDepartmentAsync();
    }

    [Fact]
    public async Task GetBudgetSummary_WhenLinesAndAdjustmentsExist_TotalsAndSplitsAddUp()
    {
        var code = await DepartmentInOpenYearAsync();
        await _client.CreateBudgetLineAsync(code, Year, "personnel", "superior", 53_500.00m, 53_500.00m);
        await _client.CreateBudgetLineAsync(code, Year, "personnel", "ownLevel", 3_132_700.00m, 3_132_700.00m);
        await _client.CreateBudgetLineAsync(code, Year, "operating", "ownLevel", 181_800.00m, 181_800.00m);
        var project = await _client.CreateBudgetLineAsync(code, Year, "project", "ownLevel", 20_365_500.00m, 26_000_000.00m);
        var other = await _client.CreateBudgetLineAsync(code, Year, "project", "other", 1_000.01m, 0m);
        await factory.SendAsync(new PushBudgetAdjustments(
            [
                MoreTestData.Adjustment(code, Year, project.GetProperty("id").GetInt64(), 9_000_000.00m),
                MoreTestData.Adjustment(code, Year, project.GetProperty("id").GetInt64(), 5_882_000.00m),
                MoreTestData.Adjustment(code, Year, other.GetProperty("id").GetInt64(), -0.01m),
            ]));

        var summary = await (await _client.GetAsync(MoreTestData.SummaryUrl(code, Year))).JsonAsync();
        var lines = await _client.WalkPagesAsync(MoreTestData.LinesUrl(code, Year), limit: 50);

        Assert.Equal(code, summary.GetProperty("departmentCode").GetString());
        Assert.Equal(Year, summary.GetProperty("fiscalYear").GetInt32());
        Assert.Equal(5, summary.GetProperty("lineCount").GetInt32());
        var total = summary.GetProperty("total");
        Assert.Equal(23_734_500.01m, total.GetProperty("initial").GetDecimal());
        Assert.Equal(14_881_999.99m, total.GetProperty("adjustments").GetDecimal());
        Assert.Equal(38_616_500.00m, total.GetProperty("adjusted").GetDecimal());
        Assert.Equal(29_368_000.00m, total.GetProperty("executed").GetDecimal());
        Assert.Equal(lines.Sum(l => l.GetProperty("initialAmount").GetDecimal()), total.GetProperty("initial").GetDecimal());
        Assert.Equal(lines.Sum(l => l.GetProperty("adjustmentTotal").GetDecimal()), total.GetProperty("adjustments").GetDecimal());
        Assert.Equal(lines.Sum(l => l.GetProperty("executedAmount").GetDecimal()), total.GetProperty("executed").GetDecimal());

        var byClass = summary.GetProperty("byExpenditureClass");
        var bySource = summary.GetProperty("byFundingSource");
        JsonElement[] parts = [total, .. byClass.EnumerateObject().Select(p => p.Value), .. bySource.EnumerateObject().Select(p => p.Value)];
        Assert.All(parts, AssertIdentityAndRates);
        foreach (var amount in Amounts)
        {
            Assert.Equal(
                byClass.GetProperty("basic").GetProperty(amount).GetDecimal(),
                byClass.GetProperty("personnel").GetProperty(amount).GetDecimal() + byClass.GetProperty("operating").GetProperty(amount).GetDecimal());
            Assert.Equal(
                total.GetProperty(amount).GetDecimal(),
                byClass.GetProperty("basic").GetProperty(amount).GetDecimal() + byClass.GetProperty("project").GetProperty(amount).GetDecimal());
            Assert.Equal(
                total.GetProperty(amount).GetDecimal(),
                bySource.GetProperty("superior").GetProperty(amount).GetDecimal()
                + bySource.GetProperty("ownLevel").GetProperty(amount).GetDecimal()
                + bySource.GetProperty("other").GetProperty(amount).GetDecimal());
        }

        Assert.Equal(-0.01m, bySource.GetProperty("other").GetProperty("adjustments").GetDecimal());
        Assert.Equal(1_000.00m, bySource.GetProperty("other").GetProperty("adjusted").GetDecimal());
    }

    [Theory]
    [InlineData("3", "1", null, "33.33", "0.00")]
    [InlineData("3", "2", null, "66.67", "0.00")]
    [InlineData("16", "1", null, "6.25", "0.00")]
    [InlineData("800", "1", null, "0.13", "0.00")]
    [InlineData("800", "0", "-1", "0.00", "-0.13")]
    [InlineData("800", "0", "1", "0.00", "0.13")]
    [InlineData("3", "1", "-2", "100.00", "-66.67")]
    [InlineData("0", "5", "5", "100.00", null)]
    [InlineData("0", "0", null, null, null)]
    public async Task GetBudgetSummary_RoundsRatesToTwoDecimalsHalfAwayFromZero(
        string initial, string executed, string? adjustment, string? executionRate, string? adjustmentRate)
    {
        var code = await DepartmentInOpenYearAsync();
        var line = await _client.CreateBudgetLineAsync(code, Year, "personnel", "ownLevel", Parse(initial)!.Value, Parse(executed)!.Value);
        if (Parse(adjustment) is { } amount)
        {
            await factory.SendAsync(new PushBudgetAdjustments([MoreTestData.Adjustment(code, Year, line.GetProperty("id").GetInt64(), amount)]));
        }

        var summary = await (await _client.GetAsync(MoreTestData.SummaryUrl(code, Year))).JsonAsync();

        var total = summary.GetProperty("total");
        Assert.Equal(Parse(executionRate), Nullable(total.GetProperty("executionRate")));
        Assert.Equal(Parse(adjustmentRate), Nullable(total.GetProperty("adjustmentRate")));
        var personnel = summary.GetProperty("byExpenditureClass").GetProperty("personnel");
        Assert.Equal(Parse(executionRate), Nullable(personnel.GetProperty("executionRate")));
        Assert.Equal(Parse(adjustmentRate), Nullable(personnel.GetProperty("adjustmentRate")));
        var ownLevel = summary.GetProperty("byFundingSource").GetProperty("ownLevel");
        Assert.Equal(Parse(executionRate), Nullable(ownLevel.GetProperty("executionRate")));
        var superior = summary.GetProperty("byFundingSource").GetProperty("superior");
        Assert.Equal(JsonValueKind.Null, superior.GetProperty("executionRate").ValueKind);
        Assert.Equal(JsonValueKind.Null, superior.GetProperty("adjustmentRate").ValueKind);
    }

    [Fact]
    public async Task GetBudgetSummary_WhenNoLines_ReturnsZerosAndNoRates()
    {
        var code = await DepartmentInOpenYearAsync();

        var response = await _client.GetAsync(MoreTestData.SummaryUrl(code, Year));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = await response.JsonAsync();
        Assert.Equal(0, summary.GetProperty("lineCount").GetInt32());
        var total = summary.GetProperty("total");
        Assert.All(Amounts, amount => Assert.Equal(0m, total.GetProperty(amount).GetDecimal()));
        Assert.Equal(JsonValueKind.Null, total.GetProperty("executionRate").ValueKind);
        Assert.Equal(JsonValueKind.Null, total.GetProperty("adjustmentRate").ValueKind);
    }

    [Fact]
    public async Task GetBudgetSummary_WhenLinesOfOtherDepartmentsAndYearsExist_CountsOnlyItsOwn()
    {
        var code = await DepartmentInOpenYearAsync();
        var other = await _client.CreateDepartmentAsync();
        await _client.CreateYearAsync(2032);
        await _client.CreateBudgetLineAsync(code, Year, "personnel", "ownLevel", 10m, 5m);
        await _client.CreateBudgetLineAsync(code, 2032, "personnel", "ownLevel", 1_000m, 5m);
        await _client.CreateBudgetLineAsync(other, Year, "personnel", "ownLevel", 2_000m, 5m);

        var total = (await (await _client.GetAsync(MoreTestData.SummaryUrl(code, Year))).JsonAsync()).GetProperty("total");

        Assert.Equal(10m, total.GetProperty("initial").GetDecimal());
        Assert.Equal(50.00m, total.GetProperty("executionRate").GetDecimal());
    }

    private static void AssertIdentityAndRates(JsonElement figures)
    {
        var initial = figures.GetProperty("initial").GetDecimal();
        var adjustments = figures.GetProperty("adjustments").GetDecimal();
        var adjusted = figures.GetProperty("adjusted").GetDecimal();
        var executed = figures.GetProperty("executed").GetDecimal();
        Assert.Equal(initial + adjustments, adjusted);
        Assert.Equal(
            initial == 0 ? null : decimal.Round(adjustments * 100m / initial, 2, MidpointRounding.AwayFromZero),
            Nullable(figures.GetProperty("adjustmentRate")));
        Assert.Equal(
            adjusted == 0 ? null : decimal.Round(executed / adjusted * 100m, 2, MidpointRounding.AwayFromZero),
            Nullable(figures.GetProperty("executionRate")));
    }

    private static decimal? Nullable(JsonElement element) => element.ValueKind == JsonValueKind.Null ? null : element.GetDecimal();

    private static decimal? Parse(string? text) => text is null ? null : decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
