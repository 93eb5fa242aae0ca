using PerfEval.Application.ReportImports;
using PerfEval.Infrastructure.ReportFiles;

namespace PerfEval.UnitTests.ReportImports;

/// <summary>
/// The three seed reports read whole, as text, as Word files and as PDFs: every figure of DOMAIN.md's
/// worked examples. The PDFs are committed fixtures printed from the seed texts by LibreOffice
/// (Fixtures/make-pdf-fixtures.sh); the Word files are written by the test with Open XML.
/// </summary>
public sealed class SeedReportReadingTests
{
    private static readonly ReportFileReader Files = new(ReportImportLimits.Default);

    public static TheoryData<string> Seeds => new(ReportFixtures.Seeds);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void ReadText_Seed_FindsEveryWorkedExampleFigure(string seed)
    {
        var draft = ReportReader.Read(Files.Read(ReportFixtures.SeedBytes(seed + ".txt"), "text/plain; charset=utf-8"));

        Assert.Equal(ReportSourceKind.Text, draft.Source);
        SeedExpectation.Of(seed).AssertMatches(draft);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void ReadDocx_Seed_FindsEveryWorkedExampleFigure(string seed)
    {
        var draft = ReportReader.Read(Files.Read(ReportFixtures.SeedDocx(seed), ReportContentTypes.Docx));

        Assert.Equal(ReportSourceKind.Docx, draft.Source);
        SeedExpectation.Of(seed).AssertMatches(draft);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void ReadPdf_Seed_FindsEveryWorkedExampleFigure(string seed)
    {
        var draft = ReportReader.Read(Files.Read(ReportFixtures.SeedBytes(seed + ".pdf"), ReportContentTypes.Pdf));

        Assert.Equal(ReportSourceKind.Pdf, draft.Source);
        SeedExpectation.Of(seed).AssertMatches(draft);
    }

    [Fact]
    public void ReadText_Seed000_ReadsUnitFactsBudgetPartsAndNarrative()
    {
        var draft = ReportReader.Read(ReportDocument.FromText(ReportFixtures.SeedText("seed-000")));

        Assert.Equal(new DateOnly(2025, 2, 14), draft.FilingDate.Value);
        Assert.Equal("政府工作部门", draft.Unit.UnitType.Value);
        Assert.Equal("副县级", draft.Unit.Level.Value);
        Assert.Equal(6, draft.Unit.DivisionCount.Value);
        Assert.Equal("科室", draft.Unit.DivisionKind.Value);
        Assert.Equal("综合科、企业服务科、规划建设科、安全生产监督科、科技创新科、投资服务科", draft.Unit.DivisionNames.Value);
        Assert.StartsWith("贯彻落实党中央", draft.Unit.Functions.Value);
        Assert.Equal((28, 0, 28, 20), (draft.Unit.Staffing.Total.Value, draft.Unit.Staffing.Administrative.Value, draft.Unit.Staffing.Institutional.Value, draft.Unit.Staffing.Actual.Value));
        Assert.Equal(FieldStatus.Missing, draft.Unit.Staffing.Logistics.Status);

        var budget = draft.Budget;
        Assert.Equal((53_500m, 23_680_000m, 0m), (budget.InitialBySource.Superior.Value, budget.InitialBySource.OwnLevel.Value, budget.InitialBySource.Other.Value));
        // 资金使用: 3861.55 "split" into 336.80 + 3324.75 (= 3661.55): read as printed; scoring finds the gap.
        Assert.Equal((38_615_500m, 3_368_000m, 33_247_500m), (budget.UseOfFunds.Total.Value, budget.UseOfFunds.Basic.Value, budget.UseOfFunds.Project.Value));
        Assert.Equal((3_368_000m, 3_186_200m, 181_800m, 3_368_000m), (budget.BasicExpenditure.Budget.Value, budget.BasicExpenditure.Personnel.Value, budget.BasicExpenditure.Operating.Value, budget.BasicExpenditure.Executed.Value));
        Assert.Equal((4, 3, 1), (budget.Projects.Count.Value, budget.Projects.OnPlatform.Value, budget.Projects.OffPlatform.Value));
        Assert.Equal((35_247_600m, 33_247_600m), (budget.Projects.Budget.Value, budget.Projects.Executed.Value));
        Assert.Equal(["上级资金", "本级财力"], budget.Projects.BySource.Select(g => g.Source));
        Assert.Equal((4, 35_247_600m, 33_247_600m), (budget.Projects.BySource[1].Count.Value, budget.Projects.BySource[1].Budget.Value, budget.Projects.BySource[1].Executed.Value));

        Assert.Equal("企业产值增长力度加大,超出预期效益", draft.Indicators[3].DeviationReason.Value);
        Assert.StartsWith("园区建材类企业", draft.Indicators[3].MidYearDeviationReason.Value);
        Assert.Equal("合理安排制定下年度目标", draft.Indicators[3].ImprovementMeasure.Value);
        Assert.Equal(FieldStatus.Missing, draft.Indicators[0].DeviationReason.Status);

        Assert.Equal(6, draft.Narrative.Sections.Count);
        Assert.StartsWith("1.目前财政较紧张", draft.Narrative.Problems.Value);
        Assert.StartsWith("1、近年因整体经济环境影响", draft.Narrative.Causes.Value);
        Assert.StartsWith("1.推进清欠工作", draft.Narrative.ImprovementMeasures.Value);
        Assert.StartsWith("1.进一步完善园区基础设施建设", draft.Narrative.Suggestions.Value);
        Assert.Empty(draft.Flags);
    }

    [Fact]
    public void ReadText_Seed001_ReadsTheDeclaredAdjustmentRateAsPrinted_AndSetsAsideRestatedCompletionRates()
    {
        var draft = ReportReader.Read(ReportDocument.FromText(ReportFixtures.SeedText("seed-001")));

        // 0 adjustment, declared rate 100%: the reader keeps the declaration; the finding is scoring's.
        Assert.Equal(0m, draft.Budget.Adjustments.Value);
        Assert.Equal(100m, draft.Declared.AdjustmentRate.Value);
        Assert.Equal("年中调增数 0 万元", draft.Budget.Adjustments.Readings.Single().Evidence.Text);

        // "本次评价实际完成值为102.86%" after "本次评价完成值为72家": the 家 statement is read, the % one set aside.
        Assert.Equal(new Quantity(72m, "家"), draft.Indicators[3].Final.Value);
        Assert.Equal(["indicators[3].final", "indicators[4].final"],
            draft.Flags.Where(f => f.Code == "statementSetAside").Select(f => f.Path));
        Assert.Equal("行政单位", draft.Unit.UnitType.Value);
        Assert.Equal(FieldStatus.Missing, draft.Unit.Level.Status);
        Assert.Equal((2, "事业单位"), (draft.Unit.DivisionCount.Value, draft.Unit.DivisionKind.Value));
        Assert.Equal((26, 10, 16, 20), (draft.Unit.Staffing.Total.Value, draft.Unit.Staffing.Administrative.Value, draft.Unit.Staffing.Institutional.Value, draft.Unit.Staffing.Actual.Value));
    }

    [Fact]
    public void ReadText_Seed002_KeepsOneNumberPrintedInTwoUnits_AndFlagsTheUnit()
    {
        var draft = ReportReader.Read(ReportDocument.FromText(ReportFixtures.SeedText("seed-002")));

        // Target 20 场次, final "25 项" twice: the number is sure, the unit is flagged.
        Assert.Equal(new Quantity(25m, "项"), draft.Indicators[0].Final.Value);
        // "52 项" then "52 家" for a target in 项: 项 is kept, both printings flagged.
        Assert.Equal(new Quantity(52m, "项"), draft.Indicators[2].Final.Value);
        Assert.Equal(["indicators[0].final", "indicators[2].final"],
            draft.Flags.Where(f => f.Code == "unitDiffersFromTarget").Select(f => f.Path));
        Assert.Equal("事业单位", draft.Unit.UnitType.Value);
        Assert.Equal((13, 13, 13), (draft.Unit.Staffing.Total.Value, draft.Unit.Staffing.Institutional.Value, draft.Unit.Staffing.Actual.Value));
        // 基本支出 budget 217.80 with 212.85 executed; 资金使用 prints the executed split.
        Assert.Equal((2_178_000m, 2_128_500m), (draft.Budget.BasicExpenditure.Budget.Value, draft.Budget.BasicExpenditure.Executed.Value));
        Assert.Equal((2_474_400m, 2_128_500m, 345_900m), (draft.Budget.UseOfFunds.Total.Value, draft.Budget.UseOfFunds.Basic.Value, draft.Budget.UseOfFunds.Project.Value));
    }
}
