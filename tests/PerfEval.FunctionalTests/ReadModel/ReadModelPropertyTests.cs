using PerfEval.Application.ReadModel;
using PerfEval.Application.Scoring;
using PerfEval.FunctionalTests.Adjustments;

namespace PerfEval.FunctionalTests.ReadModel;

/// <summary>
/// The read model's promise: whatever sequence of writes happened, every kept scorecard equals the
/// scorecard computed from scratch from the base tables, value for value. Random sequences of every
/// kind of write go through the API; at checkpoints a rebuild (which rewrites exactly the cards that
/// differ from a recomputation) must find nothing to change, and every scorecard read from the read
/// model must equal the one computed on demand.
/// </summary>
public sealed class ReadModelPropertyTests(PerfEvalFactory factory) : IClassFixture<PerfEvalFactory>
{
    private readonly HttpClient _client = factory.CreateClient(PerfEvalFactory.AdminKey);

    [Theory]
    [InlineData(2041, 11)]
    [InlineData(2042, 23)]
    [InlineData(2043, 37)]
    public async Task ReadModel_AfterRandomWritesOfEveryKind_EqualsARecomputationFromScratch(int year, int seed)
    {
        var random = new Random(seed);
        var world = await WorldAsync(year);
        for (var step = 1; step <= 60; step++)
        {
            await RandomWriteAsync(world, random);
            if (step % 15 == 0)
            {
                await AssertReadModelEqualsRecomputationAsync(world, $"seed {seed}, after {step} writes");
            }
        }
    }

    private async Task AssertReadModelEqualsRecomputationAsync(World world, string when)
    {
        var rebuilt = await factory.SendAsync(new RebuildReadModel());
        Assert.True(rebuilt.Changed == 0, $"{when}: a rebuild changed {rebuilt.Changed} scorecards the writes had left stale");

        foreach (var code in world.Departments)
        {
            var kept = await (await _client.GetAsync($"/api/v1/departments/{code}/evaluations/{world.Year}")).JsonAsync();
            var computed = await (await _client.GetAsync($"/api/v1/departments/{code}/evaluations/{world.Year}?explain=true")).JsonAsync();
            foreach (var property in kept.EnumerateObject().Where(p => p.Name != "explanations"))
            {
                Assert.True(
                    property.Value.GetRawText() == computed.GetProperty(property.Name).GetRawText(),
                    $"{when}: {code}'s kept {property.Name} {property.Value.GetRawText()} differs from the computed {computed.GetProperty(property.Name).GetRawText()}");
            }
        }

        var ranking = await _client.WalkPagesAsync($"/api/v1/fiscal-years/{world.Year}/scorecards", 2);
        foreach (var row in ranking.Select(r => r.GetProperty("scorecard")))
        {
            var card = await (await _client.GetAsync($"/api/v1/departments/{row.GetProperty("departmentCode").GetString()}/evaluations/{world.Year}?explain=true")).JsonAsync();
            Assert.Equal(card.GetProperty("compositeScore").GetRawText(), row.GetProperty("compositeScore").GetRawText());
            Assert.Equal(card.GetProperty("budget").GetProperty("executionRate").GetRawText(), row.GetProperty("executionRate").GetRawText());
        }
    }

    private async Task<World> WorldAsync(int year)
    {
        await _client.EnsureYearAsync(year, "open");
        var world = new World(year);
        for (var i = 0; i < 4; i++)
        {
            world.Departments.Add(await _client.CreateDepartmentAsync());
        }

        var scheme = await (await _client.PostJsonAsync("/api/v1/scoring-schemes", new
        {
            code = $"property-{year}",
            name = "随机测试方案",
            settings = new ScoringSchemeSettings { ExecutionWeight = 15m },
        })).JsonAsync();
        world.OtherScheme = scheme.GetProperty("id").GetInt64();
        return world;
    }

    private async Task RandomWriteAsync(World world, Random random)
    {
        var code = world.Departments[random.Next(world.Departments.Count)];
        switch (random.Next(11))
        {
            case 0 or 1:
                var created = await _client.PostJsonAsync(MoreTestData.LinesUrl(code, world.Year), MoreTestData.BudgetLine(
                    Pick(random, "personnel", "operating", "project"), Pick(random, "superior", "ownLevel", "other"),
                    Money(random, 100_000), Money(random, 60_000)));
                if (created.StatusCode == HttpStatusCode.Created)
                {
                    var line = await created.JsonAsync();
                    world.Lines.Add((code, line.GetProperty("id").GetInt64(), line.GetProperty("expenditureClass").GetString()!, line.GetProperty("fundingSource").GetString()!));
                }

                break;
            case 2 when world.Lines.Count > 0:
                var (owner, lineId, expenditureClass, fundingSource) = world.Lines[random.Next(world.Lines.Count)];
                await _client.PutJsonAsync($"{MoreTestData.LinesUrl(owner, world.Year)}/{lineId}", MoreTestData.BudgetLine(
                    expenditureClass, fundingSource, Money(random, 100_000), Money(random, 60_000)));
                break;
            case 3 or 4 when world.Lines.Count > 0:
                var items = Enumerable.Range(0, random.Next(1, 6)).Select(_ =>
                {
                    var pushed = world.Lines[random.Next(world.Lines.Count)];
                    return MoreTestData.Adjustment(pushed.Code, world.Year, pushed.LineId, Money(random, 20_000) - 5_000.01m);
                }).ToList();
                var push = await _client.PushAsync(items, AdjustmentApi.NewKey());
                if (push.StatusCode == HttpStatusCode.Created)
                {
                    foreach (var adjustment in (await push.JsonAsync()).GetProperty("adjustments").EnumerateArray())
                    {
                        world.Adjustments.Add((adjustment.GetProperty("departmentCode").GetString()!, adjustment.GetProperty("lineId").GetInt64(), adjustment.GetProperty("id").GetInt64(), adjustment.GetProperty("amount").GetDecimal()));
                    }
                }

                break;
            case 5 when world.Adjustments.Count > 0:
                var reversed = world.Adjustments[random.Next(world.Adjustments.Count)];
                await _client.PushAsync([MoreTestData.Adjustment(reversed.Code, world.Year, reversed.LineId, -reversed.Amount) with { ReversesId = reversed.Id }], AdjustmentApi.NewKey());
                break;
            case 6:
                var indicator = await _client.PostJsonAsync(MoreTestData.IndicatorsUrl(code, world.Year), RandomIndicator(random));
                if (indicator.StatusCode == HttpStatusCode.Created)
                {
                    world.Indicators.Add((code, (await indicator.JsonAsync()).GetProperty("id").GetInt64()));
                }

                break;
            case 7 when world.Indicators.Count > 0:
                var (indicatorOwner, indicatorId) = world.Indicators[random.Next(world.Indicators.Count)];
                await _client.PutJsonAsync($"{MoreTestData.IndicatorsUrl(indicatorOwner, world.Year)}/{indicatorId}", RandomIndicator(random));
                break;
            case 8 when world.Indicators.Count > 0:
                var deleted = world.Indicators[random.Next(world.Indicators.Count)];
                if ((await _client.DeleteAsync($"{MoreTestData.IndicatorsUrl(deleted.Code, world.Year)}/{deleted.Id}")).IsSuccessStatusCode)
                {
                    world.Indicators.Remove(deleted);
                }

                break;
            case 9:
                await _client.PutJsonAsync($"/api/v1/departments/{code}/evaluations/{world.Year}", new
                {
                    declared = new { executionRate = Money(random, 100), executionScore = random.Next(0, 11), compositeScore = random.Next(50, 101), grade = Pick(random, "excellent", "good", "fair", "poor") },
                });
                break;
            default:
                // The year switches scheme, or a scheme's settings change: every scorecard of the year at once.
                if (random.Next(2) == 0)
                {
                    world.UsesOtherScheme = !world.UsesOtherScheme;
                    await _client.PatchYearAsync(world.Year, new { scoringSchemeId = world.UsesOtherScheme ? world.OtherScheme : 1L });
                }
                else
                {
                    await _client.PutJsonAsync($"/api/v1/scoring-schemes/{world.OtherScheme}", new
                    {
                        name = "随机测试方案",
                        settings = new ScoringSchemeSettings { ExecutionWeight = random.Next(5, 21) },
                    });
                }

                break;
        }
    }

    private static Dictionary<string, object?> RandomIndicator(Random random)
    {
        var indicator = MoreTestData.Indicator(name: $"指标{random.Next(1000)}", target: random.Next(0, 50), finalValue: random.Next(0, 80));
        indicator["operator"] = Pick(random, "atLeast", "atMost", "equal");
        indicator["weight"] = random.Next(0, 4) == 0 ? null : (decimal)random.Next(5, 40);
        indicator["midYearValue"] = (decimal)random.Next(0, 60);
        indicator["deviationReason"] = random.Next(2) == 0 ? null : "口径调整";
        indicator["declaredCompletion"] = (decimal)random.Next(0, 151);
        indicator["declaredScore"] = (decimal)random.Next(0, 30);
        return indicator;
    }

    private static string Pick(Random random, params string[] values) => values[random.Next(values.Length)];

    private static decimal Money(Random random, int max) => random.Next(1, max * 100) / 100m;

    private sealed class World(int year)
    {
        public int Year { get; } = year;
        public List<string> Departments { get; } = [];
        public List<(string Code, long LineId, string ExpenditureClass, string FundingSource)> Lines { get; } = [];
        public List<(string Code, long LineId, long Id, decimal Amount)> Adjustments { get; } = [];
        public List<(string Code, long Id)> Indicators { get; } = [];
        public long OtherScheme { get; set; }
        public bool UsesOtherScheme { get; set; }
    }
}
