using PerfEval.Application.ReportImports;
using PerfEval.Infrastructure.ReportFiles;

namespace PerfEval.UnitTests.ReportImports;

/// <summary>
/// Word reports whose self-evaluation form (自评表) is a table: seed 000 with its indicator paragraphs
/// replaced by a table written with Open XML, headers in the words forms use, categories merged
/// down the rows as Word merges them.
/// </summary>
public sealed class DocxIndicatorTableTests
{
    private static readonly ReportFileReader Files = new(ReportImportLimits.Default);

    private static readonly string?[][] SeedTable =
    [
        ["一级指标", "二级指标", "三级指标", "指标值", "年中监控完成值", "实际完成值", "完成率", "分值", "得分", "偏差原因分析及改进措施"],
        ["产出指标", "数量指标", "重点项目投产数", "≥3项", "0项", "3项", "100%", "20", "20", ""],
        [null, null, "固定资产投资增长", "≥35000万元", "6322万元", "36142万元", "103.26%", "25", "25", "偏差原因：企业投资力度加大，超出预期效益。改进措施：合理安排制定下年度目标。"],
        [null, "质量指标", "新增高新技术企业", "大于等于5家", "1家", "5家", "100%", "20", "20", ""],
        ["效益指标", "经济效益指标", "工业园区总产值增长", "≥5%", "5.10%", "5.01%", "100.20%", "25", "25", "企业产值增长力度加大"],
    ];

    [Fact]
    public void ReadDocx_IndicatorsAsATable_FindsEveryWorkedExampleFigure()
    {
        var draft = Read(WithTable(SeedTable, keepProse: false));

        SeedExpectation.Of("seed-000").AssertMatches(draft);
        Assert.All(draft.Indicators, i => Assert.NotNull(i.Target.Readings.Single().Evidence.Cell));
        Assert.Equal(new TableCellRef(0, 2, 3), draft.Indicators[1].Target.Readings[0].Evidence.Cell);
        Assert.Equal("≥35000万元", draft.Indicators[1].Target.Readings[0].Evidence.Text);
    }

    [Fact]
    public void ReadDocx_MergedCategoryCells_AreCarriedDownAsInferred()
    {
        var draft = Read(WithTable(SeedTable, keepProse: false));

        Assert.Equal(["产出指标", "产出指标", "产出指标", "效益指标"], draft.Indicators.Select(i => i.Level1.Value));
        Assert.Equal([FieldStatus.Read, FieldStatus.Inferred, FieldStatus.Inferred, FieldStatus.Read], draft.Indicators.Select(i => i.Level1.Status));
        Assert.Equal(["数量指标", "数量指标", "质量指标", "经济效益指标"], draft.Indicators.Select(i => i.Level2.Value));
        Assert.Equal("merged cell: the category printed above", draft.Indicators[1].Level2.Rule);
    }

    [Fact]
    public void ReadDocx_ReasonAndMeasureInOneCell_AreSplitAtTheirWords()
    {
        var draft = Read(WithTable(SeedTable, keepProse: false));

        Assert.Equal("企业投资力度加大,超出预期效益", draft.Indicators[1].DeviationReason.Value);
        Assert.Equal("合理安排制定下年度目标", draft.Indicators[1].ImprovementMeasure.Value);
        Assert.Equal("企业产值增长力度加大", draft.Indicators[3].DeviationReason.Value);
        Assert.Equal(FieldStatus.Missing, draft.Indicators[3].ImprovementMeasure.Status);
    }

    [Fact]
    public void ReadDocx_TableAndProseAgree_OneIndicatorWithBothReadings()
    {
        var draft = Read(WithTable(SeedTable, keepProse: true));

        SeedExpectation.Of("seed-000").AssertMatches(draft);
        // The prose states each final value twice (本次评价完成值, then 本次评价实际完成值), the table once.
        Assert.All(draft.Indicators, i => Assert.Equal(3, i.Final.Readings.Count));
        Assert.All(draft.Indicators, i => Assert.Single(i.Final.Readings, r => r.Evidence.Cell is not null));
    }

    [Fact]
    public void ReadDocx_TableAndProseDisagree_FieldIsConflictingWithBothEvidences()
    {
        var table = SeedTable.Select(r => r.ToArray()).ToArray();
        table[1][5] = "4项";

        var draft = Read(WithTable(table, keepProse: true));

        var final = draft.Indicators[0].Final;
        Assert.Equal(FieldStatus.Conflicting, final.Status);
        Assert.Null(final.Value);
        Assert.Equal(["4项", "本次评价完成值为 3 项", "本次评价实际完成值为 3 项"], final.Readings.OrderBy(r => r.Evidence.Cell is null).Select(r => r.Evidence.Text));
        Assert.Contains(draft.Flags, f => f.Code == "conflicting" && f.Path == "indicators[0].final");
    }

    [Fact]
    public void ReadDocx_OtherHeaderWords_AreMatchedByMeaning()
    {
        string?[][] table =
        [
            ["指标名称", "年度指标值", "年中完成情况", "本次评价完成值", "权重", "自评得分", "偏差原因", "改进措施"],
            ["开展培训场次", "不低于20场次", "36场次", "25场次", "10分", "10分", "统计口径差异", "合理制定目标"],
            ["群众满意度", "90%", "", "95%", "10", "10", "", ""],
        ];

        var draft = Read(ReportFixtures.Docx(["部门单位整体支出绩效自评报告", "(2024年度)", table]));

        Assert.Equal(["开展培训场次", "群众满意度"], draft.Indicators.Select(i => i.Name.Value));
        var training = draft.Indicators[0];
        Assert.Equal((PerfEval.Application.Indicators.ComparisonOperator.AtLeast, new Quantity(20m, "场次"), new Quantity(36m, "场次"), new Quantity(25m, "场次")),
            (training.Operator.Value, training.Target.Value, training.MidYear.Value, training.Final.Value));
        Assert.Equal((10m, 10m), (training.Weight.Value, training.DeclaredScore.Value));
        Assert.Equal(("统计口径差异", "合理制定目标"), (training.DeviationReason.Value, training.ImprovementMeasure.Value));
        Assert.Equal(FieldStatus.Missing, draft.Indicators[1].Operator.Status);
        Assert.Contains(draft.Flags, f => f.Code == "operatorNotStated" && f.Path == "indicators[1].operator");
        Assert.Equal(FieldStatus.Missing, draft.Indicators[1].MidYear.Status);
    }

    private static ReportDraft Read(byte[] docx) => ReportReader.Read(Files.Read(docx, ReportContentTypes.Docx));

    /// <summary>Seed 000 as a Word file with the table after 三's opening; its indicator paragraphs kept or dropped.</summary>
    private static byte[] WithTable(string?[][] table, bool keepProse)
    {
        var lines = ReportFixtures.SeedText("seed-000").Split('\n').Where(l => l.Trim().Length > 0).ToList();
        var first = lines.FindIndex(l => l.Contains("指标一", StringComparison.Ordinal));
        var conclusion = lines.FindIndex(l => l.StartsWith("四、评价结论", StringComparison.Ordinal));
        var blocks = new List<object>(lines.Take(first)) { table };
        blocks.AddRange(keepProse ? lines.Skip(first) : lines.Skip(conclusion));
        return ReportFixtures.Docx(blocks);
    }
}
