namespace PerfEval.FunctionalTests.Exports;

/// <summary>
/// A year's views are scored in bulk (compact rows, full scorecards only for findings' messages);
/// each department in them must read exactly as its own scorecard does.
/// </summary>
public sealed class YearViewConsistencyTests(GeneratedYearFactory factory) : IClassFixture<GeneratedYearFactory>
{
    private const int Year = GeneratedYearFactory.Year;
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task YearViews_ReadEachDepartmentAsItsOwnScorecard()
    {
        var ranking = (await _client.WalkPagesAsync($"/api/v1/fiscal-years/{Year}/scorecards?sort=name", 500))
            .Select(r => r.GetProperty("scorecard")).ToList();
        var findings = await _client.WalkPagesAsync($"/api/v1/fiscal-years/{Year}/findings", 500);
        var indicators = await ExportFiles.ReadAsync(await _client.GetAsync($"/api/v1/fiscal-years/{Year}/export?format=ndjson&dataset=indicators"), "ndjson");
        Assert.Equal(GeneratedYearFactory.Departments, ranking.Count);

        // Every 25th department, across the three chunks of 500 the year is scored in.
        foreach (var row in ranking.Where((_, i) => i % 25 == 0))
        {
            var code = row.GetProperty("departmentCode").GetString()!;
            var card = await (await _client.GetAsync($"/api/v1/departments/{code}/evaluations/{Year}")).JsonAsync();
            var own = card.GetProperty("findings").EnumerateArray().Select(Finding).ToList();

            Assert.Equal(own, findings.Where(f => f.GetProperty("departmentCode").GetString() == code).Select(Finding));
            foreach (var figure in new[] { "compositeScore", "grade", "executionScore" })
            {
                Assert.Equal(card.GetProperty(figure).GetRawText(), row.GetProperty(figure).GetRawText());
            }
            Assert.Equal(card.GetProperty("budget").GetProperty("executionRate").GetRawText(), row.GetProperty("executionRate").GetRawText());
            Assert.Equal(card.GetProperty("findingCounts").GetRawText(), row.GetProperty("findingCounts").GetRawText());
            Assert.Equal(
                card.GetProperty("indicators").EnumerateArray().Select(i => (i.GetProperty("completion").GetRawText(), i.GetProperty("score").GetRawText())),
                indicators.Where(r => r["departmentCode"].Text == code).Select(r => (Raw(r, "completion"), Raw(r, "score"))));
        }
    }

    [Theory]
    [InlineData("code=TARGET_LIKELY_TOO_LOW")]
    [InlineData("code=DECLARED_COMPLETION_MISMATCH")]
    [InlineData("severity=error")]
    [InlineData("severity=warning&code=WEIGHT_TOTAL_NOT_100")]
    [InlineData("code=NO_SUCH_CODE")]
    public async Task YearFindings_Filtered_AreTheMatchingFindingsOfTheWholeList(string filter)
    {
        var all = await _client.WalkPagesAsync($"/api/v1/fiscal-years/{Year}/findings", 500);
        var filtered = await _client.WalkPagesAsync($"/api/v1/fiscal-years/{Year}/findings?{filter}", 37);

        var query = filter.Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
        var expected = all.Where(f =>
            (!query.TryGetValue("code", out var c) || f.GetProperty("code").GetString() == c)
            && (!query.TryGetValue("severity", out var s) || f.GetProperty("severity").GetString() == s));
        Assert.Equal(expected.Select(Department), filtered.Select(Department));
        Assert.True(filter.Contains("NO_SUCH", StringComparison.Ordinal) || filtered.Count > 0, $"No finding matches {filter} in the generated year.");
    }

    private static string Finding(JsonElement f) => string.Join(
        '|', f.GetProperty("code").GetString(), f.GetProperty("severity").GetRawText(), f.GetProperty("subject").GetString(),
        f.GetProperty("figures").GetRawText(), f.GetProperty("message").GetString());

    private static string Department(JsonElement f) => string.Join(
        '|', f.GetProperty("departmentCode").GetString(), f.GetProperty("departmentName").GetString(), f.GetProperty("region").GetString(), Finding(f));

    /// <summary>A number as the JSON has it; an export leaves empty cells out, JSON writes null.</summary>
    private static string Raw(Dictionary<string, ExportCell> row, string column) => row.TryGetValue(column, out var cell) ? cell.Text : "null";
}
