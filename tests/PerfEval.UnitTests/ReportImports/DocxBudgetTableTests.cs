using PerfEval.Application.ReportImports;
using PerfEval.Infrastructure.ReportFiles;

namespace PerfEval.UnitTests.ReportImports;

/// <summary>
/// The budget row of a self-evaluation form as a Word table (年初预算数 | 全年预算数 | 全年执行数 | 分值 |
/// 执行率 | 得分): read with the prose's own statements, in the unit the form states.
/// </summary>
public sealed class DocxBudgetTableTests
{
    private static readonly ReportFileReader Files = new(ReportImportLimits.Default);

    private static string?[][] Form(string initial = "2373.35", string header = "年初预算数") =>
    [
        ["项目", header, "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["年度资金总额", initial, "3861.55", "3661.55", "10", "94.82%", "9.48"],
        ["其中:本年财政拨款", "316.77", "3209.37", "3209.37", "—", "100%", "—"],
    ];

    [Fact]
    public void ReadDocx_FormWithUnitInCaption_AgreesWithTheProse()
    {
        var draft = Read("(单位:万元)", Form());

        SeedExpectation.Of("seed-000").AssertMatches(draft);
        Assert.Contains(draft.Budget.Initial.Readings, r => r.Evidence.Cell == new TableCellRef(0, 1, 1) && r.Evidence.Text == "2373.35");
        Assert.Contains(draft.Budget.Executed.Readings, r => r.Evidence.Cell == new TableCellRef(0, 1, 3));
        Assert.Contains(draft.Declared.ExecutionScore.Readings, r => r.Evidence.Cell == new TableCellRef(0, 1, 6));
    }

    [Fact]
    public void ReadDocx_FormWithUnitInHeader_ReadsTheColumnInIt()
    {
        var draft = Read("部门整体支出绩效自评表", Form(initial: "23733500", header: "年初预算数(元)"));

        Assert.Equal((FieldStatus.Read, 23_733_500m), (draft.Budget.Initial.Status, draft.Budget.Initial.Value));
        Assert.Contains(draft.Budget.Initial.Readings, r => r.Evidence.Cell == new TableCellRef(0, 1, 1) && r.Value == 23_733_500m);
    }

    [Fact]
    public void ReadDocx_FormDisagreeingWithTheProse_IsConflicting()
    {
        var draft = Read("(单位:万元)", Form(initial: "2373.53"));

        Assert.Equal(FieldStatus.Conflicting, draft.Budget.Initial.Status);
        Assert.Equal([23_733_500m, 23_735_300m], draft.Budget.Initial.Readings.Select(r => r.Value).Distinct().Order());
    }

    [Fact]
    public void ReadDocx_FormWithoutAUnit_LeavesItsAmountsUnreadAndSaysSo()
    {
        var draft = Read("部门整体支出绩效自评表", Form(initial: "2373.35"));

        Assert.All(draft.Budget.Initial.Readings, r => Assert.Null(r.Evidence.Cell));
        Assert.Contains(draft.Flags, f => f.Code == "amountUnitNotStated" && f.Path == "budget.initial");
        Assert.Contains(draft.Declared.ExecutionRate.Readings, r => r.Evidence.Cell is not null);
    }

    private static ReportDraft Read(string caption, string?[][] form)
    {
        var lines = ReportFixtures.SeedText("seed-000").Split('\n').Where(l => l.Trim().Length > 0).ToList();
        var at = lines.FindIndex(l => l.StartsWith("四、评价结论", StringComparison.Ordinal));
        var blocks = new List<object>(lines.Take(at)) { caption, form };
        blocks.AddRange(lines.Skip(at));
        return ReportReader.Read(Files.Read(ReportFixtures.Docx(blocks), ReportContentTypes.Docx));
    }
}
