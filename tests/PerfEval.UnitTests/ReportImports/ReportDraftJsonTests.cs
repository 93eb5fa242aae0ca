using System.Text.Json;
using PerfEval.Application.ReportImports;

namespace PerfEval.UnitTests.ReportImports;

/// <summary>The draft's JSON, which the endpoint will answer with and draft storage will keep.</summary>
public sealed class ReportDraftJsonTests
{
    [Fact]
    public void Serialize_SeedDraft_RoundTripsToAnEqualDraft()
    {
        var draft = ReportReader.Read(ReportDocument.FromText(ReportFixtures.SeedText("seed-001")));

        var json = ReportDraftJson.Serialize(draft);
        var back = ReportDraftJson.Deserialize(json);

        Assert.Equal(json, ReportDraftJson.Serialize(back));
        Assert.Equal(draft.Budget.Initial.Value, back.Budget.Initial.Value);
        Assert.Equal(draft.Indicators[4].Target.Value, back.Indicators[4].Target.Value);
    }

    [Fact]
    public void Serialize_SeedDraft_IsCamelCaseWithEnumsAsStringsAndExactAmounts()
    {
        var draft = ReportReader.Read(ReportDocument.FromText(ReportFixtures.SeedText("seed-000")));

        using var json = JsonDocument.Parse(ReportDraftJson.Serialize(draft));
        var root = json.RootElement;

        Assert.Equal("text", root.GetProperty("source").GetString());
        var initial = root.GetProperty("budget").GetProperty("initial");
        Assert.Equal("read", initial.GetProperty("status").GetString());
        Assert.Equal("23733500.00", initial.GetProperty("value").GetRawText());
        Assert.Equal("年初\n\n预算数为 2373.35 万元", initial.GetProperty("readings")[0].GetProperty("evidence").GetProperty("text").GetString());
        var indicator = root.GetProperty("indicators")[1];
        Assert.Equal("atLeast", indicator.GetProperty("operator").GetProperty("value").GetString());
        Assert.Equal("""{"number":35000,"unit":"万元"}""", indicator.GetProperty("target").GetProperty("value").GetRawText());
        Assert.Equal("excellent", root.GetProperty("declared").GetProperty("grade").GetProperty("value").GetString());
        Assert.Equal("2025-02-14", root.GetProperty("filingDate").GetProperty("value").GetString());
        var logistics = root.GetProperty("unit").GetProperty("staffing").GetProperty("logistics");
        Assert.Equal("missing", logistics.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, logistics.GetProperty("value").ValueKind);
    }
}
