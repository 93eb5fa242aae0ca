using PerfEval.Application.Adjustments;
using PerfEval.Application.Adjustments.Push;

namespace PerfEval.FunctionalTests.Adjustments;

/// <summary>"A failed batch must leave nothing behind": one bad item refuses the whole batch (422 naming the item), and the stored 422 is what a replay gets.</summary>
public sealed class AdjustmentBatchRejectionTests(PerfEvalFactory factory) : IClassFixture<PerfEvalFactory>
{
    private const int Year = 2031;
    private const int ClosedYear = 2019;

    private readonly HttpClient _admin = factory.CreateClient(PerfEvalFactory.AdminKey);
    private readonly HttpClient _pusher = factory.CreateClient("test-pusher-key");

    public enum BadItem
    {
        UnknownLine,
        LineOfAnotherDepartment,
        ClosedYear,
        BelowExecuted,
        UnknownDepartment,
        UnknownYear,
    }

    /// <summary>The push reads its body itself (whole, then bound): it refuses a bad one as every other endpoint does.</summary>
    [Theory]
    [InlineData("malformed JSON", """{"adjustments":[{"departmentCode":""", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("empty body", "", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("null", "null", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("unknown field", """{"adjustments":[],"adjustmentz":[]}""", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("route value in the body", """{"adjustments":[],"idempotency":null}""", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("amount with an exponent", """{"adjustments":[{"amount":1e2}]}""", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("not JSON", """{"adjustments":[]}""", "text/plain", HttpStatusCode.UnsupportedMediaType)]
    public async Task PushAdjustments_WhenBodyIsBad_ReturnsProblemDetailsAndAppliesNothing(string why, string body, string mediaType, HttpStatusCode status)
    {
        var (code, _) = await _admin.NewLineAsync(Year, initial: 1_000m, executed: 0m);
        using var request = new HttpRequestMessage(HttpMethod.Post, AdjustmentApi.Url) { Content = new StringContent(body, System.Text.Encoding.UTF8, mediaType) };
        request.Headers.Add("Idempotency-Key", AdjustmentApi.NewKey());

        var response = await _pusher.SendAsync(request);

        var problem = await response.AssertProblemAsync(status);
        Assert.True(problem.TryGetProperty("title", out _), why);
        Assert.Empty(await _admin.LedgerAsync(code));
    }

    [Theory]
    [InlineData(BadItem.UnknownLine)]
    [InlineData(BadItem.LineOfAnotherDepartment)]
    [InlineData(BadItem.ClosedYear)]
    [InlineData(BadItem.BelowExecuted)]
    [InlineData(BadItem.UnknownDepartment)]
    [InlineData(BadItem.UnknownYear)]
    public async Task PushAdjustments_WhenOneItemIsBad_AppliesNothingNamesTheItemAndReplaysThe422(BadItem bad)
    {
        var (code, lineId) = await _admin.NewLineAsync(Year, initial: 1_000m, executed: 900m);
        var (otherCode, otherLineId) = await _admin.NewLineAsync(Year, initial: 1_000m, executed: 0m);
        var before = await _admin.LineRawAsync(code, Year, lineId);
        var otherBefore = await _admin.LineRawAsync(otherCode, Year, otherLineId);
        var badItem = bad switch
        {
            BadItem.UnknownLine => MoreTestData.Adjustment(code, Year, 987_654_321, 5m),
            BadItem.LineOfAnotherDepartment => MoreTestData.Adjustment(code, Year, otherLineId, 5m),
            BadItem.ClosedYear => await ClosedYearItemAsync(code),
            BadItem.BelowExecuted => MoreTestData.Adjustment(code, Year, lineId, -140.01m), // 1000 + 30 + 10 - 140.01 < 900
            BadItem.UnknownDepartment => MoreTestData.Adjustment("NO-SUCH-DEPT", Year, lineId, 5m),
            BadItem.UnknownYear => MoreTestData.Adjustment(code, 2099, lineId, 5m),
            _ => throw new ArgumentOutOfRangeException(nameof(bad)),
        };
        List<AdjustmentItem> items =
        [
            MoreTestData.Adjustment(code, Year, lineId, 30m),
            MoreTestData.Adjustment(otherCode, Year, otherLineId, 40m),
            MoreTestData.Adjustment(code, Year, lineId, 10m),
            badItem,
            MoreTestData.Adjustment(code, Year, lineId, 20m),
        ];
        var body = AdjustmentApi.Body(items);
        var key = AdjustmentApi.NewKey();

        var response = await _pusher.PushAsync(body, key);

        var raw = await response.Content.ReadAsStringAsync();
        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.True(problem.ErrorKeys().SequenceEqual(["adjustments[3]"]), $"Only item 3 is named: {raw}");
        Assert.Empty(await _admin.LedgerAsync(code));
        Assert.Empty(await _admin.LedgerAsync(otherCode));
        Assert.Equal(before, await _admin.LineRawAsync(code, Year, lineId));
        Assert.Equal(otherBefore, await _admin.LineRawAsync(otherCode, Year, otherLineId));

        var replay = await _pusher.PushAsync(body, key);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, replay.StatusCode);
        Assert.True(replay.IsReplay());
        Assert.Equal(raw, await replay.Content.ReadAsStringAsync());
        Assert.Equal("application/problem+json", replay.ContentType());
        Assert.Empty(await _admin.LedgerAsync(code));
        Assert.Equal(before, await _admin.LineRawAsync(code, Year, lineId));
    }

    [Fact]
    public async Task PushAdjustments_WhenLineIsAlreadyOverExecuted_AcceptsAnIncreaseThatDoesNotCloseTheGap()
    {
        // Executed may exceed the budget (a line created or corrected that way): an increase (调增) does not
        // take the adjusted amount below executed, so it is accepted, as the item check itself says (only a
        // negative amount is refused); a decrease is refused, naming the item.
        var (code, lineId) = await _admin.NewLineAsync(Year, initial: 100m, executed: 200m);

        var increase = await _pusher.PushAsync([MoreTestData.Adjustment(code, Year, lineId, 10m)], AdjustmentApi.NewKey());
        var decrease = await _pusher.PushAsync([MoreTestData.Adjustment(code, Year, lineId, -1m)], AdjustmentApi.NewKey());

        var raw = await increase.Content.ReadAsStringAsync();
        Assert.True(increase.StatusCode == HttpStatusCode.Created, $"An increase on an over-executed line: expected 201, got {(int)increase.StatusCode}: {raw}");
        Assert.Equal(["adjustments[0]"], (await decrease.AssertProblemAsync(HttpStatusCode.UnprocessableEntity)).ErrorKeys());
        Assert.Equal(10m, await _admin.AdjustmentTotalAsync(code, Year, lineId));
    }

    [Fact]
    public async Task PushAdjustments_WhenSeveralItemsAreBad_NamesEveryOne()
    {
        var (code, lineId) = await _admin.NewLineAsync(Year, initial: 100m, executed: 50m);
        List<AdjustmentItem> items =
        [
            MoreTestData.Adjustment(code, Year, 987_654_321, 5m),
            MoreTestData.Adjustment(code, Year, lineId, 1m),
            MoreTestData.Adjustment(code, Year, lineId, -60m),
            MoreTestData.Adjustment(code, Year, 987_654_322, 5m),
        ];

        var response = await _pusher.PushAsync(items, AdjustmentApi.NewKey());

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["adjustments[0]", "adjustments[2]", "adjustments[3]"], problem.ErrorKeys().Order());
        Assert.Empty(await _admin.LedgerAsync(code));
    }

    [Theory]
    [InlineData(null, "{0} 在 {1} 年度没有预算行 987654321。", "“amount”最多只能有 2 位小数（元）。")]
    [InlineData("en", "{0} has no budget line 987654321 in {1}.", "'amount' must have at most 2 decimals (yuan, 元).")]
    public async Task PushAdjustments_ItemFailures_AreChineseByDefaultAndEnglishOnRequest(string? language, string noLine, string decimals)
    {
        var (code, lineId) = await _admin.NewLineAsync(Year, initial: 100m, executed: 0m);
        using var client = factory.CreateClient("test-pusher-key");
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        var refused = await (await client.PushAsync([MoreTestData.Adjustment(code, Year, 987_654_321, 5m)], AdjustmentApi.NewKey())).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        var invalid = await (await client.PushAsync([MoreTestData.Adjustment(code, Year, lineId, 0.001m)], AdjustmentApi.NewKey())).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, noLine, code, Year), refused.GetProperty("errors").GetProperty("adjustments[0]")[0].GetString());
        Assert.Equal(decimals, invalid.GetProperty("errors").GetProperty("adjustments[0].amount")[0].GetString());
    }

    [Fact]
    public async Task PushAdjustments_WhenAnItemIsInvalid_Returns400NamingItAndAppliesNothing()
    {
        var (code, lineId) = await _admin.NewLineAsync(Year, initial: 100m, executed: 0m);
        List<AdjustmentItem> items =
        [
            MoreTestData.Adjustment(code, Year, lineId, 1m),
            MoreTestData.Adjustment(code, Year, lineId, 0.001m),
            MoreTestData.Adjustment(code, Year, lineId, 0m),
        ];

        var response = await _pusher.PushAsync(items, AdjustmentApi.NewKey());

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["adjustments[1].amount", "adjustments[2].amount"], problem.ErrorKeys().Order());
        Assert.Empty(await _admin.LedgerAsync(code));
    }

    [Fact]
    public async Task PushAdjustments_WhenAnItemIsInvalid_StoresThe400AndReplaysItByteForByte()
    {
        // The key is claimed before the items are validated: an invalid batch is a final answer too.
        var (code, lineId) = await _admin.NewLineAsync(Year, initial: 100m, executed: 0m);
        var body = AdjustmentApi.Body([MoreTestData.Adjustment(code, Year, lineId, 1m), MoreTestData.Adjustment(code, Year, lineId, 0m)]);
        var key = AdjustmentApi.NewKey();

        var response = await _pusher.PushAsync(body, key);
        var raw = await response.Content.ReadAsStringAsync();
        var replay = await _pusher.PushAsync(body, key);

        Assert.Equal(["adjustments[1].amount"], (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorKeys());
        Assert.False(response.IsReplay());
        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.True(replay.IsReplay());
        Assert.Equal(raw, await replay.Content.ReadAsStringAsync());
        Assert.Equal("application/problem+json", replay.ContentType());
        Assert.Empty(await _admin.LedgerAsync(code));
    }

    [Fact]
    public async Task PushAdjustments_WhenBatchIsEmptyOrTooBig_Returns400()
    {
        var (code, lineId) = await _admin.NewLineAsync(Year, initial: 1_000_000m, executed: 0m);

        var empty = await _pusher.PushAsync(AdjustmentApi.Body([]), AdjustmentApi.NewKey());
        var tooBig = await _pusher.PushAsync(
            Enumerable.Range(0, PushBudgetAdjustments.MaxBatch + 1).Select(i => MoreTestData.Adjustment(code, Year, lineId, 0.01m, $"big-{i}")),
            AdjustmentApi.NewKey());

        Assert.Contains("adjustments", (await empty.AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorKeys());
        Assert.Contains("adjustments", (await tooBig.AssertProblemAsync(HttpStatusCode.BadRequest)).ErrorKeys());
        Assert.Empty(await _admin.LedgerAsync(code));
    }

    [Fact]
    public async Task PushAdjustments_WhenASourceItemIsAlreadyRecorded_Returns409AppliesNothingAndReplaysThe409()
    {
        var (code, lineId) = await _admin.NewLineAsync(Year, initial: 1_000m, executed: 0m);
        var recorded = MoreTestData.Adjustment(code, Year, lineId, 10m);
        await _pusher.PushCreatedAsync([recorded]);
        var before = await _admin.LineRawAsync(code, Year, lineId);
        var body = AdjustmentApi.Body([MoreTestData.Adjustment(code, Year, lineId, 1m), recorded with { Amount = 11m }]);
        var key = AdjustmentApi.NewKey();

        var response = await _pusher.PushAsync(body, key);
        var raw = await response.Content.ReadAsStringAsync();

        Assert.Equal(["adjustments[1]"], (await response.AssertProblemAsync(HttpStatusCode.Conflict)).ErrorKeys());
        Assert.Single(await _admin.LedgerAsync(code));
        Assert.Equal(before, await _admin.LineRawAsync(code, Year, lineId));
        var replay = await _pusher.PushAsync(body, key);
        Assert.Equal(HttpStatusCode.Conflict, replay.StatusCode);
        Assert.True(replay.IsReplay());
        Assert.Equal(raw, await replay.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task PushAdjustments_WhenTheSameSourceItemIsTwiceInTheBatch_Returns409AndAppliesNothing()
    {
        var (code, lineId) = await _admin.NewLineAsync(Year, initial: 1_000m, executed: 0m);
        var item = MoreTestData.Adjustment(code, Year, lineId, 10m);

        var response = await _pusher.PushAsync([item, MoreTestData.Adjustment(code, Year, lineId, 1m), item], AdjustmentApi.NewKey());

        Assert.Equal(["adjustments[2]"], (await response.AssertProblemAsync(HttpStatusCode.Conflict)).ErrorKeys());
        Assert.Empty(await _admin.LedgerAsync(code));
    }

    /// <summary>An item on a real line of the department in a year that is then closed (only the ClosedYear case uses the year).</summary>
    private async Task<AdjustmentItem> ClosedYearItemAsync(string code)
    {
        await _admin.CreateYearAsync(ClosedYear);
        var line = await _admin.CreateBudgetLineAsync(code, ClosedYear, "operating", "ownLevel", 100m, 0m);
        await _admin.MoveYearAsync(ClosedYear, "closed");
        return MoreTestData.Adjustment(code, ClosedYear, line.GetProperty("id").GetInt64(), 5m);
    }
}
