using System.Globalization;
using PerfEval.Application.ReportImports;

namespace PerfEval.UnitTests.ReportImports;

/// <summary>
/// The same facts as other writers and provinces phrase them: short fragments, rephrased, reordered,
/// broken across lines, in full- and half-width punctuation, with units and operators left out. Each row
/// is one fragment and what one field must read as ("missing", or "conflicting: a | b").
/// </summary>
public sealed class ReportPhrasingTests
{
    private const string Title = "部门单位整体支出绩效自评报告\n(2024年度)\n";

    [Theory]
    // the seeds' own phrasing
    [InlineData("重点项目投产数:该指标预期指标值为大于等于 3 项,年中监控实际完成值为 0 项,本次评价完成值为 3 项,完成率 100%。该指标权重分值为 20 分,自评得分 20 分。", "name", "重点项目投产数")]
    [InlineData("重点项目投产数:该指标预期指标值为大于等于 3 项,年中监控实际完成值为 0 项,本次评价完成值为 3 项,完成率 100%。", "operator", "AtLeast")]
    [InlineData("重点项目投产数:该指标预期指标值为大于等于 3 项,年中监控实际完成值为 0 项,本次评价完成值为 3 项,完成率 100%。", "target", "3 项")]
    [InlineData("重点项目投产数:该指标预期指标值为大于等于 3 项,年中监控实际完成值为 0 项,本次评价完成值为 3 项,完成率 100%。", "midYear", "0 项")]
    [InlineData("重点项目投产数:该指标预期指标值为大于等于 3 项,年中监控实际完成值为 0 项,本次评价完成值为 3 项,完成率 100%。", "final", "3 项")]
    [InlineData("重点项目投产数:该指标预期指标值为大于等于 3 项,本次评价完成值为 3 项,完成率 100%。该指标权重分值为 20 分,自评得分 20 分。", "weight", "20")]
    [InlineData("重点项目投产数:该指标预期指标值为大于等于 3 项,本次评价完成值为 3 项,完成率 100%。该指标权重分值为 20 分,自评得分 19.5 分。", "score", "19.5")]
    // other writers' phrasing
    [InlineData("开展活动数量:目标值为不低于20场次,年中完成情况为36场次,实际完成25场次,完成率125.00%,分值10分,得分10分。", "operator", "AtLeast")]
    [InlineData("开展活动数量:目标值为不低于20场次,年中完成情况为36场次,实际完成25场次,完成率125.00%,分值10分,得分10分。", "target", "20 场次")]
    [InlineData("开展活动数量:目标值为不低于20场次,年中完成情况为36场次,实际完成25场次,完成率125.00%,分值10分,得分10分。", "midYear", "36 场次")]
    [InlineData("开展活动数量:目标值为不低于20场次,年中完成情况为36场次,实际完成25场次,完成率125.00%,分值10分,得分10分。", "final", "25 场次")]
    [InlineData("开展活动数量:目标值为不低于20场次,年中完成情况为36场次,实际完成25场次,完成率125.00%,分值10分,得分10分。", "completion", "125")]
    [InlineData("开展活动数量:目标值为不低于20场次,年中完成情况为36场次,实际完成25场次,完成率125.00%,分值10分,得分10分。", "weight", "10")]
    [InlineData("开展活动数量:目标值为不低于20场次,年中完成情况为36场次,实际完成25场次,完成率125.00%,分值10分,得分10分。", "score", "10")]
    [InlineData("开展活动数量：年度指标值：≥ 20 场次；实际完成 25 场次，完成率 125.00%。", "target", "20 场次")]
    [InlineData("开展活动数量：年度指标值：≥ 20 场次；实际完成 25 场次，完成率 125.00%。", "operator", "AtLeast")]
    [InlineData("开展活动数量：年度指标值：≥ 20 场次；实际完成 25 场次，完成率 125.00%。", "final", "25 场次")]
    [InlineData("开展活动数量（场次）：年度指标值：＞＝２０场次；实际完成２５场次。", "operator", "AtLeast")]
    [InlineData("开展活动数量（场次）：年度指标值：＞＝２０场次；实际完成２５场次。", "final", "25 场次")]
    [InlineData("新增企业:指标值不少于5家,完成值6家。", "operator", "AtLeast")]
    [InlineData("新增企业:指标值至少5家,完成值6家。", "operator", "AtLeast")]
    [InlineData("走访企业:目标值200家以上,实际完成221家。", "operator", "AtLeast")]
    [InlineData("走访企业:目标值200家以上,实际完成221家。", "target", "200 家")]
    [InlineData("单位成本:目标值不超过 35,000 元,实际完成值为 33 000 元,完成率100%。", "operator", "AtMost")]
    [InlineData("单位成本:目标值不超过 35,000 元,实际完成值为 33 000 元,完成率100%。", "target", "35000 元")]
    [InlineData("单位成本:目标值不超过 35,000 元,实际完成值为 33 000 元,完成率100%。", "final", "33000 元")]
    [InlineData("投诉率:指标值小于等于5%,完成值3%。", "operator", "AtMost")]
    [InlineData("投诉率:指标值≤5%,完成值3%。", "operator", "AtMost")]
    [InlineData("投诉率:指标值不高于5%,完成值3%。", "operator", "AtMost")]
    [InlineData("投诉率:指标值5%以下,完成值3%。", "operator", "AtMost")]
    [InlineData("开办夜市数量:该指标预期指标值等于 4 家,本次评价完成值为 4 家。", "operator", "Equal")]
    [InlineData("开办夜市数量:指标值=4家,完成值4家。", "operator", "Equal")]
    [InlineData("开办夜市数量:指标值＝4家,完成值4家。", "target", "4 家")]
    [InlineData("区外到位资金:该指标预期指标值大于等于 241 亿,年中监控实际完成值为 0 亿,本次评价完成值为 244.62 亿。", "target", "241 亿")]
    [InlineData("固定资产投资增长:该指标预期指标值为大于等于 35000 万元,本次评价完成值为 36142 万元。", "target", "35000 万元")]
    [InlineData("固定资产投资增长:该指标预期指标值为大于等于 35000 万元,本次评价完成值为 36 142 万元。", "final", "36142 万元")]
    [InlineData("固定资产投资增长:该指标预期指标值为大于等于 35000 万元,本次评价完成值为 36,142 万元。", "final", "36142 万元")]
    // no operator printed: none stated (the reviewer chooses), never assumed ≥
    [InlineData("群众满意度:目标值90%,实际完成值95%。", "operator", "missing")]
    [InlineData("群众满意度:目标值90%,实际完成值95%。", "target", "90 %")]
    [InlineData("服务时长:目标值大于10小时,实际完成12小时。", "operator", "missing")]
    // reordered
    [InlineData("培训场次:本次评价完成值为25场次,年中监控实际完成值为36场次,该指标预期指标值为大于等于20场次,完成率125%,自评得分10分,权重分值为10分。", "final", "25 场次")]
    [InlineData("培训场次:本次评价完成值为25场次,年中监控实际完成值为36场次,该指标预期指标值为大于等于20场次,完成率125%,自评得分10分,权重分值为10分。", "midYear", "36 场次")]
    [InlineData("培训场次:本次评价完成值为25场次,年中监控实际完成值为36场次,该指标预期指标值为大于等于20场次,完成率125%,自评得分10分,权重分值为10分。", "weight", "10")]
    [InlineData("培训场次:本次评价完成值为25场次,年中监控实际完成值为36场次,该指标预期指标值为大于等于20场次,完成率125%,自评得分8分,权重分值为10分。", "score", "8")]
    // broken across paragraphs mid-sentence
    [InlineData("培训场次:该指标预期指标值为大于等于20场次,年中监控实际完成值为36场\n\n次,本次评价完成值为25场次。", "midYear", "36 场次")]
    [InlineData("培训场次:该指标预期指标值为大于等于20场次,年中监控实际完成值为3\n\n6场次,本次评价完成值为25场次。", "midYear", "36 场次")]
    // units: typo, restated completion, conflicting values, missing pieces
    [InlineData("培训场次:该指标预期指标值为大于等于20场次,本次评价完成值为25项。", "final", "25 项")]
    [InlineData("引进企业数量:该指标预期指标值大于等于70家,本次评价完成值为72家。完成率为102.86%,本次评价实际完成值为102.86%。", "final", "72 家")]
    [InlineData("引进企业数量:该指标预期指标值大于等于70家,本次评价完成值为72家,根据台账本次评价实际完成值为70家。", "final", "conflicting: 72 家 | 70 家")]
    [InlineData("引进企业数量:该指标预期指标值大于等于70家,完成率102.86%。", "final", "missing")]
    [InlineData("引进企业数量:该指标预期指标值大于等于70家,本次评价完成值为72家。", "midYear", "missing")]
    [InlineData("引进企业数量:该指标预期指标值大于等于70家,本次评价完成值为72家。", "weight", "missing")]
    // reasons and measures
    [InlineData("投资增长:该指标预期指标值为大于等于35000万元,本次评价完成值为36142万元。偏差原因:企业投资力度加大,超出预期效益,改进措施:合理安排制定下年度目标。", "reason", "企业投资力度加大,超出预期效益")]
    [InlineData("投资增长:该指标预期指标值为大于等于35000万元,本次评价完成值为36142万元。偏差原因:企业投资力度加大,超出预期效益,改进措施:合理安排制定下年度目标。", "measure", "合理安排制定下年度目标")]
    [InlineData("投资增长:该指标预期指标值为大于等于35000万元,本次评价完成值为36142万元。偏差原因分析：企业投资力度加大。改进措施为:合理安排下年度目标。", "reason", "企业投资力度加大")]
    [InlineData("良好率:该指标预期指标值大于等于80%,年中监控实际完成值为95%,本次评价完成值为80%(年中监控与本次评价完成值偏差原因:机构改革,统计口径不同),达到预期效益。", "midYearReason", "机构改革,统计口径不同")]
    [InlineData("良好率:该指标预期指标值大于等于80%,年中监控实际完成值为95%,本次评价完成值为80%(年中监控与本次评价完成值偏差原因:机构改革,统计口径不同),达到预期效益。", "reason", "missing")]
    // named and categorised explicitly
    [InlineData("指标名称:培训场次;一级指标:产出指标;二级指标:数量指标;目标值≥20场次;实际完成值25场次。", "name", "培训场次")]
    [InlineData("指标名称:培训场次;一级指标:产出指标;二级指标:数量指标;目标值≥20场次;实际完成值25场次。", "level1", "产出指标")]
    [InlineData("指标名称:培训场次;一级指标:产出指标;二级指标:数量指标;目标值≥20场次;实际完成值25场次。", "level2", "数量指标")]
    public void ReadIndicator_Phrasing_ReadsTheField(string fragment, string field, string expected)
    {
        var indicator = Assert.Single(Read(fragment).Indicators);

        Assert.Equal(expected, field switch
        {
            "name" => Show(indicator.Name),
            "operator" => Show(indicator.Operator),
            "target" => Show(indicator.Target),
            "midYear" => Show(indicator.MidYear),
            "final" => Show(indicator.Final),
            "completion" => Show(indicator.DeclaredCompletion),
            "weight" => Show(indicator.Weight),
            "score" => Show(indicator.DeclaredScore),
            "reason" => Show(indicator.DeviationReason),
            "midYearReason" => Show(indicator.MidYearDeviationReason),
            "measure" => Show(indicator.ImprovementMeasure),
            "level1" => Show(indicator.Level1),
            "level2" => Show(indicator.Level2),
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        });
    }

    [Theory]
    [InlineData("群众满意度:目标值90%,实际完成值95%。", "operatorNotStated", "indicators[0].operator")]
    [InlineData("服务时长:目标值大于10小时,实际完成12小时。", "strictOperator", "indicators[0].operator")]
    [InlineData("培训场次:该指标预期指标值为大于等于20场次,本次评价完成值为25项。", "unitDiffersFromTarget", "indicators[0].final")]
    [InlineData("引进企业数量:该指标预期指标值大于等于70家,本次评价完成值为72家。完成率为102.86%,本次评价实际完成值为102.86%。", "statementSetAside", "indicators[0].final")]
    [InlineData("引进企业数量:该指标预期指标值大于等于70家,本次评价完成值为72家,根据台账本次评价实际完成值为70家。", "conflicting", "indicators[0].final")]
    [InlineData("年初预算数为100万元。年初批复预算数为110万元。", "conflicting", "budget.initial")]
    [InlineData("年初预算数为100万元,年中调增数20万元。", "inferred", "budget.adjusted")]
    [InlineData("编制28名,实有人员20人。人员构成:编制30名,实有人员20人。", "conflicting", "unit.staffing.total")]
    public void Read_WhatNeedsAReviewer_IsFlagged(string fragment, string code, string path)
    {
        var draft = Read(fragment, closing: true);

        Assert.Contains(draft.Flags, f => f.Code == code && f.Path == path);
    }

    [Fact]
    public void Read_PlainIndicators_RaisesNoFlag()
    {
        var draft = Read("重点项目投产数:该指标预期指标值为大于等于 3 项,年中监控实际完成值为 0 项,本次评价完成值为 3 项,完成率 100%。");

        Assert.Empty(draft.Flags);
    }

    [Theory]
    [InlineData("我单位年初批复预算数为 2373.35 万元。", "initial", "23733500")]
    [InlineData("年初批复预算数：2,373.35万元。", "initial", "23733500")]
    [InlineData("年初预算数为 2 373.35 万元。", "initial", "23733500")]
    [InlineData("年初预算数为23733500元。", "initial", "23733500")]
    [InlineData("年初预算数为0.5亿元。", "initial", "50000000")]
    [InlineData("年初预算数为２３７３.３５万元。", "initial", "23733500")]
    [InlineData("我单位2024年部门单位整体年初\n\n预算数为 2373.35 万元。", "initial", "23733500")]
    [InlineData("年初预算数为2373.35。", "initial", "missing")]
    [InlineData("年初预算数为100万元,其中:上级资金安排年初预算数为5.35万元。", "initial", "1000000")]
    [InlineData("年初预算数为100万元。其中:财政资金预算部分年初预算数为316.77万元,全年预算数为3209.37万元。", "adjusted", "missing")]
    [InlineData("年初预算数为100万元。年初批复预算数为110万元。", "initial", "conflicting: 1000000 | 1100000")]
    [InlineData("预算数(调整后)为 3861.55 万元。", "adjusted", "38615500")]
    [InlineData("调整后全年预算数 3861.55 万元。", "adjusted", "38615500")]
    [InlineData("全年预算数为3861.55万元。", "adjusted", "38615500")]
    [InlineData("全年预算金额为 3861.55 万元。", "adjusted", "38615500")]
    [InlineData("年中调增数 1488.20 万元。", "adjustments", "14882000")]
    [InlineData("年中调减数 100 万元。", "adjustments", "-1000000")]
    [InlineData("年初预算数为100万元,年中调增数20万元。", "adjusted", "inferred 1200000 (adjusted = initial + adjustments)")]
    [InlineData("年初预算数为100万元,调整后全年预算数为120万元。", "adjustments", "inferred 200000 (adjustments = adjusted − initial)")]
    [InlineData("执行数为 3661.55 万元。", "executed", "36615500")]
    [InlineData("全年实际支出资金3661.55万元。", "executed", "36615500")]
    [InlineData("执行金额为3,661.55万元。", "executed", "36615500")]
    [InlineData("全年预算数为100万元,执行数为90万元。\n(一)基本支出和使用情况\n基本支出全年预算总额 30万元。实际支出 28万元。", "executed", "900000")]
    [InlineData("项目总金额为3524.76万元,执行金额为3324.76万元。执行数为90万元。", "executed", "900000")]
    public void ReadBudget_Phrasing_ReadsTheAmountInYuan(string fragment, string field, string expected)
    {
        var budget = Read(fragment, closing: true).Budget;

        Assert.Equal(expected, field switch
        {
            "initial" => Show(budget.Initial),
            "adjustments" => Show(budget.Adjustments),
            "adjusted" => Show(budget.Adjusted),
            "executed" => Show(budget.Executed),
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        });
    }

    [Theory]
    [InlineData("我单位年初批复预算数 2373.35 万元, 年中调增数 1488.20 万元, 调整后全年预算数 3861.55 万元, 预算调整率 62.70%。", "adjustmentRate", "62.7")]
    [InlineData("年中调增数 0 万元,预算调整率 100%。", "adjustmentRate", "100")]
    [InlineData("预算调整率：-5.5%。", "adjustmentRate", "-5.5")]
    [InlineData("全年预算数为3861.55万元,全年实际支出资金3661.55万元,预算执\n\n行率为94.82%。", "executionRate", "94.82")]
    [InlineData("2024年本单位基本支出全年预算总额 336.80万元。实际支出 336.80万元,基本支出预算执行率 100%。", "executionRate", "missing")]
    [InlineData("全年预算金额为 3861.55 万元, 执行金额为 3661.55 万元, 执行率为 94.82%, 得 9.48 分。", "executionScore", "9.48")]
    [InlineData("预算执行率得分为9.48分。", "executionScore", "9.48")]
    [InlineData("执行率为100%，得10分。", "executionScore", "10")]
    [InlineData("2024年度部门整体支出绩效自评综合得分99.48分,评价结果为\"优\"。", "composite", "99.48")]
    [InlineData("自评总得分为 85 分,评价等级为良好。", "composite", "85")]
    [InlineData("2024年度部门整体支出绩效自评综合得分99.48分,评价结果为\"优\"。", "grade", "Excellent")]
    [InlineData("综合得分85分,评价结果为“良”。", "grade", "Good")]
    [InlineData("综合得分70分,评价等级:中。", "grade", "Fair")]
    [InlineData("综合得分50分,评价结果为差。", "grade", "Poor")]
    [InlineData("综合得分95分。", "grade", "missing")]
    public void ReadDeclared_Phrasing_ReadsTheFigureAsDeclared(string fragment, string field, string expected)
    {
        var declared = Read(fragment).Declared;

        Assert.Equal(expected, field switch
        {
            "adjustmentRate" => Show(declared.AdjustmentRate),
            "executionRate" => Show(declared.ExecutionRate),
            "executionScore" => Show(declared.ExecutionScore),
            "composite" => Show(declared.CompositeScore),
            "grade" => Show(declared.Grade),
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        });
    }

    [Theory]
    [InlineData("部门单位名称(公章): 乌鲁木齐市某某局\n填报时间: 2025年02月14日", "department", "乌鲁木齐市某某局")]
    [InlineData("单位名称：某某中心（公章）\n填报日期：2025-02-14", "department", "某某中心")]
    [InlineData("部门单位名称(公章): 乌鲁木齐市某某局\n填报时间: 2025年02月14日", "filingDate", "2025-02-14")]
    [InlineData("填报日期：2025-2-4", "filingDate", "2025-02-04")]
    [InlineData("填报时间:2025.02.14", "filingDate", "2025-02-14")]
    [InlineData("填报时间:2025年02月30日", "filingDate", "missing")]
    [InlineData("2.部门机构设置及人员构成\n工业园区管理办公室是政府工作部门,为副县级。下设 6 个科室,分别是:综合科、企业服务科。", "unitType", "政府工作部门")]
    [InlineData("2.部门机构设置及人员构成\n工业园区管理办公室是政府工作部门,为副县级。下设 6 个科室,分别是:综合科、企业服务科。", "level", "副县级")]
    [InlineData("2.部门机构设置及人员构成\n工业园区管理办公室是政府工作部门,为副县级。下设 6 个科室,分别是:综合科、企业服务科。", "divisionCount", "6")]
    [InlineData("2.部门机构设置及人员构成\n工业园区管理办公室是政府工作部门,为副县级。下设 6 个科室,分别是:综合科、企业服务科。", "divisionNames", "综合科、企业服务科")]
    [InlineData("2.部门机构设置及人员构成\n某中心属于财政全额拨款的公益一类事业单位,内设3个股室。", "unitType", "公益一类事业单位")]
    [InlineData("1.部门主要职能\n本中心是某局的直属事业单位。\n2.部门机构设置及人员构成\n某中心属于行政单位。", "unitType", "行政单位")]
    [InlineData("编制 28 名, 其中: 行政编制 0 名, 事业编制 28 名, 工勤编制 2 名。实有人员 20 人。", "staffTotal", "28")]
    [InlineData("编制 28 名, 其中: 行政编制 0 名, 事业编制 28 名, 工勤编制 2 名。实有人员 20 人。", "staffAdministrative", "0")]
    [InlineData("编制 28 名, 其中: 行政编制 0 名, 事业编制 28 名, 工勤编制 2 名。实有人员 20 人。", "staffInstitutional", "28")]
    [InlineData("编制 28 名, 其中: 行政编制 0 名, 事业编制 28 名, 工勤编制 2 名。实有人员 20 人。", "staffLogistics", "2")]
    [InlineData("编制 28 名, 其中: 行政编制 0 名, 事业编制 28 名, 工勤编制 2 名。实有人员 20 人。", "staffActual", "20")]
    [InlineData("单位机关共有编制 26 名,其中:单位机关行政编制数 10 名,事业编制数 16 名,实有在编人数为 20 人。", "staffAdministrative", "10")]
    [InlineData("单位编制人数 13 人,其中:事业编制 13人,实有人数 13人,雇员 2人。", "staffTotal", "13")]
    [InlineData("编制28名,实有人员20人。人员构成:编制30名,实有人员20人。", "staffTotal", "conflicting: 28 | 30")]
    [InlineData("编制28名,实有人员20人。人员构成:编制30名,实有人员20人。", "staffActual", "20")]
    public void ReadUnitFacts_Phrasing_ReadsTheFact(string fragment, string field, string expected)
    {
        var draft = Read(fragment, closing: true);
        var unit = draft.Unit;

        Assert.Equal(expected, field switch
        {
            "department" => Show(draft.Department),
            "filingDate" => draft.FilingDate.Value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? draft.FilingDate.Status.ToString().ToLowerInvariant(),
            "unitType" => Show(unit.UnitType),
            "level" => Show(unit.Level),
            "divisionCount" => Show(unit.DivisionCount),
            "divisionNames" => Show(unit.DivisionNames),
            "staffTotal" => Show(unit.Staffing.Total),
            "staffAdministrative" => Show(unit.Staffing.Administrative),
            "staffInstitutional" => Show(unit.Staffing.Institutional),
            "staffLogistics" => Show(unit.Staffing.Logistics),
            "staffActual" => Show(unit.Staffing.Actual),
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        });
    }

    [Theory]
    [InlineData("五、存在的主要问题及原因分析:\n(一)存在的主要问题\n1.资金不足。\n(二)原因分析\n1、财政紧张。\n六、改进措施和建议:\n(一)改进措施\n1.争取资金。\n(二)建议\n1.加强沟通。", "problems", "1.资金不足。")]
    [InlineData("五、存在的主要问题及原因分析:\n(一)存在的主要问题\n1.资金不足。\n(二)原因分析\n1、财政紧张。\n六、改进措施和建议:\n(一)改进措施\n1.争取资金。\n(二)建议\n1.加强沟通。", "causes", "1、财政紧张。")]
    [InlineData("五、存在的主要问题及原因分析:\n(一)存在的主要问题\n1.资金不足。\n(二)原因分析\n1、财政紧张。\n六、改进措施和建议:\n(一)改进措施\n1.争取资金。\n(二)建议\n1.加强沟通。", "measures", "1.争取资金。")]
    [InlineData("五、存在的主要问题及原因分析:\n(一)存在的主要问题\n1.资金不足。\n(二)原因分析\n1、财政紧张。\n六、改进措施和建议:\n(一)改进措施\n1.争取资金。\n(二)建议\n1.加强沟通。", "suggestions", "1.加强沟通。")]
    [InlineData("#### 五、存在的主要问题\n资金不足。\n#### 六、改进措施\n争取资金。", "problems", "资金不足。")]
    [InlineData("#### 五、存在的主要问题\n资金不足。\n#### 六、改进措施\n争取资金。", "causes", "missing")]
    [InlineData("#### 五、存在的主要问题\n资金不足。\n#### 六、改进措施\n争取资金。", "measures", "争取资金。")]
    [InlineData("五、存在的问题：\n（一）存在的主要问题\n资金不足，\n\n影响推进。\n（二）原因分析\n财政紧张。", "problems", "资金不足，\n\n影响推进。")]
    public void ReadNarrative_Headings_FindsTheParts(string fragment, string part, string expected)
    {
        var narrative = Read(fragment, closing: true).Narrative;

        Assert.Equal(expected, part switch
        {
            "problems" => Show(narrative.Problems),
            "causes" => Show(narrative.Causes),
            "measures" => Show(narrative.ImprovementMeasures),
            "suggestions" => Show(narrative.Suggestions),
            _ => throw new ArgumentOutOfRangeException(nameof(part)),
        });
    }

    [Fact]
    public void Read_FragmentWithoutHeadings_FindsEachIndicatorByItsTarget()
    {
        var draft = Read("培训场次:目标值≥20场次,实际完成25场次。\n走访企业:目标值≥200家,实际完成221家。\n满意度:目标值≥90%,实际完成95%。");

        Assert.Equal(["培训场次", "走访企业", "满意度"], draft.Indicators.Select(i => i.Name.Value));
        Assert.Equal([25m, 221m, 95m], draft.Indicators.Select(i => i.Final.Value!.Value.Number));
    }

    private static ReportDraft Read(string fragment, bool closing = false) =>
        ReportReader.Read(ReportDocument.FromText(Title + fragment + (closing ? "\n四、评价结论:\n综合得分90分。" : "\n四、评价结论:")));

    private static string Show<T>(DraftField<T> field)
        where T : struct => Show(field.Status, field.Value, field.Readings.Select(r => (object?)r.Value), field.Rule);

    private static string Show(DraftText field) => Show(field.Status, field.Value, field.Readings.Select(r => (object?)r.Value), field.Rule);

    private static string Show(FieldStatus status, object? value, IEnumerable<object?> readings, string? rule) => status switch
    {
        FieldStatus.Missing => "missing",
        FieldStatus.Conflicting => "conflicting: " + string.Join(" | ", readings.Select(r => Format(r))),
        FieldStatus.Inferred => $"inferred {Format(value)} ({rule})",
        _ => Format(value),
    };

    private static string Format(object? value) => value switch
    {
        decimal d => ReportFixtures.Show(d),
        Quantity q => ReportFixtures.Show(q.Number) + " " + q.Unit,
        null => "none",
        _ => value.ToString() ?? "",
    };
}
