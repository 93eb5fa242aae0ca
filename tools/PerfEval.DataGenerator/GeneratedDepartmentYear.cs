using System.Globalization;
using PerfEval.Application.Adjustments;
using PerfEval.Application.Adjustments.Push;
using PerfEval.Application.Budgets;
using PerfEval.Application.Departments;
using PerfEval.Application.Evaluations;
using PerfEval.Application.Indicators;
using PerfEval.Application.Projects;
using PerfEval.Application.Scoring;

namespace PerfEval.DataGenerator;

/// <summary>A budget line as drawn: the line, its project (project lines only) and the adjustments pushed to it.</summary>
public sealed record GeneratedLine(CreateBudgetLine Line, CreateProject? Project, IReadOnlyList<AdjustmentItem> Adjustments);

/// <summary>
/// One department's year as a filed report carries it, drawn as the service's own requests: the
/// department, ~8 budget lines with their projects and adjustments, ~10 indicators and the filed
/// evaluation. Values are what reports carry: amounts in yuan (2 decimals or whole), indicator
/// weights totalling 90 beside the execution weight 10, some indicators over- or under-achieved, and
/// the report's declared figures as computed, printed at 0–2 decimals, with a few wrong so findings
/// appear. The same seed, year and index always draw the same department-year.
/// </summary>
public sealed record GeneratedDepartmentYear(
    CreateDepartment Department,
    IReadOnlyList<GeneratedLine> Lines,
    IReadOnlyList<CreateIndicator> Indicators,
    SaveEvaluation Evaluation)
{
    /// <summary>The source system the generated adjustments come from (their source items are <c>GEN-{year}-{n}</c>).</summary>
    public const string SourceSystem = "budget-platform";

    private static readonly string[] Regions =
        ["天山区", "沙依巴克区", "高新区（新市区）", "水磨沟区", "经开区（头屯河区）", "达坂城区", "米东区", "乌鲁木齐县"];

    private static readonly (string Name, string UnitType, string Function)[] Units =
    [
        ("教育局", "行政单位", "负责辖区教育事业发展规划和管理"), ("卫生健康委员会", "行政单位", "负责辖区卫生健康事业管理"),
        ("民政局", "行政单位", "负责社会救助、养老服务和社区治理"), ("人力资源和社会保障局", "行政单位", "负责就业创业和社会保障工作"),
        ("住房和城乡建设局", "行政单位", "负责城乡建设和住房保障"), ("交通运输局", "行政单位", "负责辖区道路交通建设和养护"),
        ("农业农村局", "行政单位", "负责农业农村经济发展和乡村振兴"), ("商务局", "政府工作部门", "负责商贸流通和招商引资"),
        ("文化体育广电和旅游局", "行政单位", "负责文化、体育和旅游事业发展"), ("市场监督管理局", "行政单位", "负责市场主体登记和市场监管"),
        ("应急管理局", "行政单位", "负责安全生产和应急管理"), ("城市管理局（综合执法局）", "行政单位", "负责市容环境和城市管理执法"),
        ("第{0}中学", "事业单位", "实施初高中学历教育"), ("第{0}小学", "事业单位", "实施小学学历教育"),
        ("第{0}幼儿园", "事业单位", "实施学前教育"), ("第{0}社区卫生服务中心", "事业单位", "提供基本医疗和公共卫生服务"),
        ("疾病预防控制中心", "事业单位", "承担疾病预防控制和卫生监测"), ("创业服务中心", "事业单位", "为入驻企业提供孵化和创业服务"),
        ("图书馆", "事业单位", "提供公共阅读和文献服务"), ("第{0}街道办事处", "参照公务员法管理事业单位", "承担街道辖区公共服务和社会治理"),
    ];

    private static readonly string[] Levels = ["正科级", "副县级", "副科级", "股级"];

    private static readonly string[] Divisions = ["综合科", "业务科", "财务室"];

    private static readonly string[] ProjectNames =
    [
        "校舍维修改造", "老旧小区改造", "道路养护", "基层医疗设备购置", "就业培训补贴", "城乡低保资金", "公共文化服务体系建设",
        "智慧城市平台运维", "农村人居环境整治", "安全生产专项检查", "食品安全抽检", "中小企业发展专项", "社区养老服务", "垃圾分类设施建设",
    ];

    /// <summary>Name, category, subcategory, operator, unit and the scale of a typical target (counts, %, amounts, costs).</summary>
    private static readonly (string Name, IndicatorCategory Category, IndicatorSubcategory Subcategory, ComparisonOperator Operator, string Unit, decimal From, decimal To, int Decimals)[] IndicatorKinds =
    [
        ("完成培训人次", IndicatorCategory.Output, IndicatorSubcategory.Quantity, ComparisonOperator.AtLeast, "人次", 100, 5000, 0),
        ("开展专项检查次数", IndicatorCategory.Output, IndicatorSubcategory.Quantity, ComparisonOperator.AtLeast, "次", 4, 60, 0),
        ("实施项目数量", IndicatorCategory.Output, IndicatorSubcategory.Quantity, ComparisonOperator.AtLeast, "个", 1, 30, 0),
        ("按时报送报告份数", IndicatorCategory.Output, IndicatorSubcategory.Quantity, ComparisonOperator.Equal, "份", 2, 12, 0),
        ("项目验收合格率", IndicatorCategory.Output, IndicatorSubcategory.Quality, ComparisonOperator.AtLeast, "%", 90, 100, 0),
        ("资金发放准确率", IndicatorCategory.Output, IndicatorSubcategory.Quality, ComparisonOperator.AtLeast, "%", 95, 100, 0),
        ("资金拨付及时率", IndicatorCategory.Output, IndicatorSubcategory.Timeliness, ComparisonOperator.AtLeast, "%", 90, 100, 0),
        ("人均培训成本", IndicatorCategory.Output, IndicatorSubcategory.Cost, ComparisonOperator.AtMost, "元", 200, 3000, 2),
        ("带动企业增收", IndicatorCategory.Effect, IndicatorSubcategory.EconomicBenefit, ComparisonOperator.AtLeast, "万元", 100, 100000, 2),
        ("受益群众人数", IndicatorCategory.Effect, IndicatorSubcategory.SocialBenefit, ComparisonOperator.AtLeast, "人", 500, 200000, 0),
        ("安全事故发生率", IndicatorCategory.Effect, IndicatorSubcategory.SocialBenefit, ComparisonOperator.AtMost, "%", 1, 5, 2),
        ("空气质量优良天数比例", IndicatorCategory.Effect, IndicatorSubcategory.EcologicalBenefit, ComparisonOperator.AtLeast, "%", 70, 95, 1),
        ("长效管护机制覆盖率", IndicatorCategory.Effect, IndicatorSubcategory.SustainableBenefit, ComparisonOperator.AtLeast, "%", 80, 100, 0),
    ];

    /// <summary>The department code of the <paramref name="index"/>-th generated department (1-based).</summary>
    public static string CodeOf(int index) => $"GEN{index:D5}";

    /// <summary>
    /// Draws the <paramref name="index"/>-th department's <paramref name="year"/>. Its adjustments'
    /// source items continue from <paramref name="adjustmentsBefore"/> (how many the year already has).
    /// </summary>
    public static GeneratedDepartmentYear Draw(int index, int year, int seed, int adjustmentsBefore)
    {
        // The department is the same in every year generated with this seed; its figures differ by year.
        var unitRandom = new Random(unchecked((seed * 1_000_003) + index));
        var random = new Random(unchecked((seed * 1_000_003) + (year * 7_919) + index));
        var code = CodeOf(index);
        var region = Regions[unitRandom.Next(Regions.Length)];
        var unit = Units[unitRandom.Next(Units.Length)];
        var posts = unitRandom.Next(8, 120);
        var name = region + string.Format(CultureInfo.InvariantCulture, unit.Name, unitRandom.Next(1, 120));
        var level = Levels[unitRandom.Next(Levels.Length)];
        var institutional = unit.UnitType == "事业单位";
        var logistics = unitRandom.Next(0, 5);
        var actual = posts - unitRandom.Next(0, 6);
        var department = new CreateDepartment(
            code, name, region, UnitType: unit.UnitType, Level: level, Functions: unit.Function + "；完成上级交办的其他工作任务。",
            Staffing: new Staffing(institutional ? 0 : posts, institutional ? posts : 0, logistics, actual), Divisions: Divisions);

        // Most units meet their targets; some fall short, a few far short: grades spread from 优 to 差.
        var shortfall = random.Next(100) switch { < 60 => 0m, < 85 => 0.2m, < 96 => 0.4m, _ => 0.8m };
        var drawn = LinesOf(random);
        var lines = new List<GeneratedLine>(drawn.Count);
        var lineInputs = new List<BudgetLineInput>(drawn.Count);
        var adjustmentNumber = adjustmentsBefore;
        foreach (var line in drawn)
        {
            var amounts = new List<decimal>();
            if (random.Next(5) == 0)
            {
                amounts.Add(Money(random, -line.Initial / 4, line.Initial / 2));
                if (random.Next(3) == 0)
                {
                    amounts.Add(Money(random, -line.Initial / 10, line.Initial / 5));
                }
            }

            var adjusted = line.Initial + amounts.Sum();
            // Mostly 80–100% executed, a quarter fully, and now and then more than the budget (a finding).
            var executed = random.Next(100) switch
            {
                0 => decimal.Round(adjusted * 1.03m, 2),
                < 25 => adjusted,
                _ => decimal.Round(adjusted * random.Next(8_000 - (int)(shortfall * 4_000), 10_001) / 10_000m, 2),
            };
            var project = line.Class == ExpenditureClass.Project
                ? new CreateProject($"{year}年{ProjectNames[random.Next(ProjectNames.Length)]}项目", line.Source, random.Next(10) < 8, Yuan(adjusted), Yuan(executed))
                    { DepartmentCode = code, FiscalYear = year }
                : null;
            var adjustments = new List<AdjustmentItem>(amounts.Count);
            foreach (var amount in amounts)
            {
                adjustmentNumber++;
                adjustments.Add(new AdjustmentItem(
                    code, year, amount, $"{region}财预〔{year}〕{(adjustmentNumber % 1000) + 1}号", amount > 0 ? "年中追加项目资金" : "项目结余收回",
                    new DateOnly(year, random.Next(3, 12), random.Next(1, 29)), SourceSystem, $"GEN-{year}-{adjustmentNumber}"));
            }

            lines.Add(new GeneratedLine(
                new CreateBudgetLine(line.Class, line.Source, line.Initial, executed) { DepartmentCode = code, FiscalYear = year }, project, adjustments));
            lineInputs.Add(new BudgetLineInput(line.Class, line.Source, line.Initial, amounts.Sum(), executed, lineInputs.Count + 1));
        }

        var drawnIndicators = IndicatorsOf(random, shortfall);
        var card = ScorecardCalculator.Calculate(new ScorecardInput(lineInputs, drawnIndicators, DeclaredFigures.None, false), ScoringSchemeSettings.Default);
        var indicators = new List<CreateIndicator>(drawnIndicators.Count);
        for (var n = 0; n < drawnIndicators.Count; n++)
        {
            var i = drawnIndicators[n];
            var kind = i.Kind == IndicatorKind.Qualitative ? default : IndicatorKinds.First(t => t.Name == i.Name);
            var completion = Printed(random, card.Indicators[n].Completion.Value);
            // Reports often print a completion above 100% as 100 (accepted), and sometimes simply get one wrong.
            var declaredCompletion = random.Next(25) == 0 ? completion + 5 : completion > 100 && random.Next(3) == 0 ? 100m : completion;
            indicators.Add(new CreateIndicator(
                i.Name,
                i.Kind == IndicatorKind.Qualitative ? IndicatorCategory.Satisfaction : kind.Category,
                i.Kind == IndicatorKind.Qualitative ? IndicatorSubcategory.ServiceRecipientSatisfaction : kind.Subcategory,
                i.Kind, i.Sequence, i.Operator, i.Target, i.Kind == IndicatorKind.Qualitative ? null : kind.Unit, i.Weight, i.MidYearValue,
                i.FinalValue, i.Tier, i.QualitativeScore, i.DeviationReason,
                ImprovementMeasure: i.DeviationReason is null ? null : "加强过程监控，合理设定下年度目标",
                Evidence: "年度工作总结及相关台账资料",
                DeclaredCompletion: declaredCompletion,
                DeclaredScore: Printed(random, card.Indicators[n].Score.Value)) { DepartmentCode = code, FiscalYear = year });
        }

        var b = card.Budget;
        var spoilt = random.Next(12) == 0;
        var declared = new DeclaredFigures(
            b.Overall.Initial.Value, b.Overall.Adjustments.Value, b.Overall.Adjusted.Value,
            spoilt ? b.Overall.Executed.Value + 100m : b.Overall.Executed.Value, b.Overall.Executed.Value,
            b.Basic.Executed.Value, b.Project.Executed.Value, b.Superior.Initial.Value, b.OwnLevel.Initial.Value, b.Other.Initial.Value,
            Printed(random, b.Overall.AdjustmentRate.Value), Printed(random, b.Overall.ExecutionRate.Value), Printed(random, card.ExecutionScore.Value),
            spoilt ? card.CompositeScore.Value + 1.5m : Printed(random, card.CompositeScore.Value),
            random.Next(40) == 0 ? Grade.Excellent : card.Grade);
        var evaluation = new SaveEvaluation(
            declared, "部分项目前期准备不足，资金支出进度不均衡。", "项目论证和预算编制不够精细。", "加强预算执行监控，提前做好项目储备。", null,
            new DateOnly(year + 1, 2, random.Next(1, 28))) { DepartmentCode = code, FiscalYear = year };

        return new GeneratedDepartmentYear(department, lines, indicators, evaluation);
    }

    /// <summary>Personnel and operating lines (own-level, sometimes also superior or other funds) and 3–7 project lines: about 8.</summary>
    private static List<(ExpenditureClass Class, FundingSource Source, decimal Initial)> LinesOf(Random random)
    {
        var lines = new List<(ExpenditureClass, FundingSource, decimal)>
        {
            (ExpenditureClass.Personnel, FundingSource.OwnLevel, Money(random, 500_000m, 20_000_000m)),
            (ExpenditureClass.Operating, FundingSource.OwnLevel, Money(random, 50_000m, 3_000_000m)),
        };
        if (random.Next(3) == 0)
        {
            lines.Add((ExpenditureClass.Personnel, FundingSource.Superior, Money(random, 10_000m, 500_000m)));
        }

        if (random.Next(10) == 0)
        {
            lines.Add((ExpenditureClass.Operating, FundingSource.Other, Money(random, 10_000m, 300_000m)));
        }

        for (var p = random.Next(3, 8); p > 0; p--)
        {
            var source = random.Next(10) switch { < 2 => FundingSource.Superior, < 9 => FundingSource.OwnLevel, _ => FundingSource.Other };
            lines.Add((ExpenditureClass.Project, source, Money(random, 100_000m, 30_000_000m)));
        }

        return lines;
    }

    /// <summary>8–12 indicators weighing 90 in all (now and then 85 or 95: a finding); the last is satisfaction, mostly qualitative.</summary>
    private static List<IndicatorInput> IndicatorsOf(Random random, decimal shortfall)
    {
        var count = random.Next(8, 13);
        var total = random.Next(40) switch { 0 => 85m, 1 => 95m, _ => 90m };
        var weights = Enumerable.Range(0, count).Select(n => Math.Floor(total / count) + (n < total % count ? 1 : 0)).ToList();
        var list = new List<IndicatorInput>(count);
        var first = random.Next(IndicatorKinds.Length);
        for (var n = 0; n < count; n++)
        {
            var sequence = n + 1;
            if (n == count - 1 && random.Next(5) > 0)
            {
                var score = decimal.Round(weights[n] * random.Next(70 - (int)(shortfall * 50), 101) / 100m, 1);
                var tier = score >= weights[n] * 0.8m ? QualitativeTier.Achieved : score >= weights[n] * 0.6m ? QualitativeTier.PartiallyAchieved : QualitativeTier.NotAchieved;
                list.Add(new IndicatorInput(sequence, "服务对象满意度", IndicatorKind.Qualitative, null, null, weights[n], null, null, tier, score,
                    null, null, score < weights[n] && random.Next(10) > 0 ? "部分服务对象反映办理时限偏长" : null, null, null, sequence));
                continue;
            }

            var t = IndicatorKinds[(first + n) % IndicatorKinds.Length];
            var target = decimal.Round(t.From + ((t.To - t.From) * random.Next(0, 1_001) / 1_000m), t.Decimals);
            // Mostly on target, often over (≥ 120% needs a reason), now and then far over (150%: target too low) or short.
            var achievement = random.Next(40) switch { 0 => 0.6m, 1 => 1.5m, < 10 => 1.2m, _ => 1.0m } + (random.Next(0, 500) / 10_000m)
                - (random.Next(3) > 0 ? shortfall * random.Next(50, 101) / 100m : 0m);
            achievement = Math.Max(achievement, 0.1m);
            var final = t.Operator == ComparisonOperator.Equal
                ? (random.Next(10) == 0 ? target - 1 : target)
                : decimal.Round(target * (t.Operator == ComparisonOperator.AtMost ? 2m - achievement : achievement), t.Decimals);
            var midYear = decimal.Round(final * random.Next(30, 90) / 100m, t.Decimals);
            var needsReason = achievement is >= 1.2m or < 1m;
            list.Add(new IndicatorInput(sequence, t.Name, IndicatorKind.Quantitative, t.Operator, target, weights[n], midYear, final, null, null,
                null, null, needsReason && random.Next(8) > 0 ? (achievement < 1m ? "受项目进度影响未完成预期目标" : "工作推进超出预期，完成值高于目标") : null,
                null, null, sequence));
        }

        return list;
    }

    /// <summary>Yuan between the bounds, with cents or whole, as budgets are written.</summary>
    private static decimal Money(Random random, decimal from, decimal to) =>
        decimal.Round(from + ((to - from) * random.Next(0, 1_000_001) / 1_000_000m), random.Next(3) == 0 ? 0 : 2);

    /// <summary>To 2, 1 or 0 decimals, as reports print.</summary>
    private static decimal? Printed(Random random, decimal? value) =>
        value is { } v ? decimal.Round(v, random.Next(3) switch { 0 => 0, 1 => 1, _ => 2 }, MidpointRounding.AwayFromZero) : null;

    /// <summary>A project's amounts in yuan to the cent, as the service keeps them.</summary>
    private static decimal Yuan(decimal value) => Rounding.Money(value);
}
