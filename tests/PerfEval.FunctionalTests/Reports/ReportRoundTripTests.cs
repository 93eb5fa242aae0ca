using Microsoft.Extensions.DependencyInjection;
using PerfEval.Application.ReportImports;

namespace PerfEval.FunctionalTests.Reports;

/// <summary>
/// A rendered report read back by the report import yields the data it was rendered from: the
/// department, the year, the budget, every indicator and the declared results, each read (not
/// inferred or guessed) from the Word file the service wrote.
/// </summary>
public sealed class ReportRoundTripTests(DemoFactory factory) : IClassFixture<DemoFactory>
{
    private readonly HttpClient _client = factory.CreateClient(PerfEvalFactory.AdminKey);

    [Theory]
    [InlineData("GXQ-GYYQ")]
    [InlineData("GXQ-SWJ")]
    [InlineData("GXQ-CYFWZX")]
    public async Task RenderedReport_ReadBackByTheImport_YieldsTheSameData(string code)
    {
        var docx = await RenderedFiles.DownloadAsync(_client, $"/api/v1/departments/{code}/evaluations/2024/report", RenderedFiles.Docx);
        var department = await (await _client.GetAsync($"/api/v1/departments/{code}")).JsonAsync();
        var card = await (await _client.GetAsync($"/api/v1/departments/{code}/evaluations/2024")).JsonAsync();
        var indicators = (await (await _client.GetAsync($"{MoreTestData.IndicatorsUrl(code, 2024)}?limit=500")).JsonAsync()).GetProperty("items").EnumerateArray().ToList();

        var draft = ReportReader.Read(factory.Services.GetRequiredService<IReportFileReader>().Read(docx, ReportContentTypes.Docx));

        Assert.Equal(department.GetProperty("name").GetString(), draft.Department.Value);
        Assert.Equal(2024, draft.FiscalYear.Value);
        var budget = card.GetProperty("budget");
        Assert.Equal(budget.GetProperty("initial").GetDecimal(), Read(draft.Budget.Initial));
        Assert.Equal(budget.GetProperty("adjusted").GetDecimal(), Read(draft.Budget.Adjusted));
        Assert.Equal(budget.GetProperty("executed").GetDecimal(), Read(draft.Budget.Executed));
        Assert.Equal(budget.GetProperty("executionRate").GetDecimal(), Read(draft.Declared.ExecutionRate));
        Assert.Equal(card.GetProperty("executionScore").GetDecimal(), Read(draft.Declared.ExecutionScore));
        Assert.Equal(card.GetProperty("compositeScore").GetDecimal(), Read(draft.Declared.CompositeScore));
        Assert.Equal(card.GetProperty("grade").GetString(), System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(draft.Declared.Grade.Value.ToString()!));

        Assert.Equal(indicators.Count, draft.Indicators.Count);
        foreach (var (stored, read) in indicators.Zip(draft.Indicators))
        {
            Assert.Equal(stored.GetProperty("name").GetString(), read.Name.Value);
            Assert.Equal(stored.GetProperty("target").GetDecimal(), Read(read.Target).Number);
            Assert.Equal(stored.GetProperty("finalValue").GetDecimal(), Read(read.Final).Number);
            Assert.Equal(stored.GetProperty("weight").GetDecimal(), Read(read.Weight));
            Assert.Equal(stored.GetProperty("operator").GetString(), System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(Read(read.Operator).ToString()));
            if (stored.GetProperty("midYearValue").ValueKind == JsonValueKind.Number)
            {
                Assert.Equal(stored.GetProperty("midYearValue").GetDecimal(), Read(read.MidYear).Number);
            }
        }
    }

    private static T Read<T>(DraftField<T> field)
        where T : struct
    {
        Assert.True(field.Status == FieldStatus.Read, $"expected a figure read from the file, got {field.Status}");
        return field.Value!.Value;
    }
}
