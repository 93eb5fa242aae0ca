using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PerfEval.Application.Adjustments;
using PerfEval.Application.Budgets;
using PerfEval.Application.Common;
using PerfEval.Application.Evaluations;
using PerfEval.Application.Indicators;
using PerfEval.Application.Scoring;
using PerfEval.Infrastructure.Persistence;

namespace PerfEval.Infrastructure.DemoData;

/// <summary>
/// <c>generate-data --departments 10000 --year 2025 [--seed 7]</c>: a realistic year of many
/// departments (~10 indicators, ~8 budget lines with their projects, some adjustments, a filed
/// evaluation each) written straight into the SQLite database in one transaction with prepared
/// commands, to measure the year views and exports at scale. The same seed gives the same data.
/// Values are what reports carry: amounts in yuan (2 decimals or whole), indicator weights totalling
/// 90 beside the execution weight 10, some indicators over- or under-achieved, and the report's
/// declared figures as computed, printed at 0–2 decimals, with a few wrong so findings appear.
/// </summary>
public sealed partial class YearGenerator(ConnectionFactory connections, MigrationRunner migrations, ILogger<YearGenerator> logger)
{
    private const string YearExistsSql = "SELECT COUNT(*) FROM fiscal_years WHERE year = @Year";

    private const string InsertYearSql = """
        INSERT INTO fiscal_years (year, status, scoring_scheme_id, created_at, updated_at)
        VALUES (@Year, 'Evaluation', 1, @Now, @Now)
        """;

    /// <summary>A department already there (generated for another year) is kept as it is.</summary>
    private const string InsertDepartmentSql = """
        INSERT INTO departments (code, name, region, unit_type, level, functions, administrative_staff, institutional_staff,
            logistics_staff, actual_headcount, divisions, created_at, updated_at)
        SELECT @Code, @Name, @Region, @UnitType, @Level, @Functions, @Administrative, @Institutional, @Logistics, @Actual, @Divisions, @Now, @Now
        WHERE NOT EXISTS (SELECT 1 FROM departments WHERE code = @Code)
        """;

    private const string InsertProjectSql = """
        INSERT INTO projects (id, department_code, fiscal_year, name, funding_source, on_platform, budget, executed, created_at, updated_at)
        VALUES (@Id, @DepartmentCode, @FiscalYear, @Name, @FundingSource, @OnPlatform, @Budget, @Executed, @Now, @Now)
        """;

    private const string InsertLineSql = """
        INSERT INTO budget_lines (id, department_code, fiscal_year, expenditure_class, funding_source, project_id, initial_amount,
            adjustment_total, executed_amount, created_at, updated_at)
        VALUES (@Id, @DepartmentCode, @FiscalYear, @ExpenditureClass, @FundingSource, @ProjectId, @InitialAmount, @AdjustmentTotal,
            @ExecutedAmount, @Now, @Now)
        """;

    private const string InsertAdjustmentSql = """
        INSERT INTO budget_adjustments (id, line_id, department_code, fiscal_year, amount, document_number, reason, effective_date,
            source_system, source_item_id, client_name, created_at)
        VALUES (@Id, @LineId, @DepartmentCode, @FiscalYear, @Amount, @DocumentNumber, @Reason, @EffectiveDate, @SourceSystem,
            @SourceItemId, @ClientName, @Now)
        """;

    private const string InsertIndicatorSql = """
        INSERT INTO indicators (id, department_code, fiscal_year, sequence, name, category, subcategory, kind, operator, target_value,
            unit, weight, mid_year_value, final_value, qualitative_tier, qualitative_score, deviation_reason, improvement_measure,
            evidence, declared_completion, declared_score, created_at, updated_at)
        VALUES (@Id, @DepartmentCode, @FiscalYear, @Sequence, @Name, @Category, @Subcategory, @Kind, @Operator, @Target, @Unit,
            @Weight, @MidYearValue, @FinalValue, @QualitativeTier, @QualitativeScore, @DeviationReason, @ImprovementMeasure,
            @Evidence, @DeclaredCompletion, @DeclaredScore, @Now, @Now)
        """;

    private const string InsertEvaluationSql = """
        INSERT INTO evaluations (department_code, fiscal_year, declared_initial_budget, declared_adjustments, declared_adjusted_budget,
            declared_executed, declared_expenditure_total, declared_basic_expenditure, declared_project_expenditure,
            declared_initial_superior, declared_initial_own_level, declared_initial_other, declared_adjustment_rate,
            declared_execution_rate, declared_execution_score, declared_composite_score, declared_grade, problems, causes,
            improvement_measures, suggestions, filed_on, created_at, updated_at)
        VALUES (@DepartmentCode, @FiscalYear, @InitialBudget, @Adjustments, @AdjustedBudget, @Executed, @ExpenditureTotal,
            @BasicExpenditure, @ProjectExpenditure, @InitialSuperior, @InitialOwnLevel, @InitialOther, @AdjustmentRate,
            @ExecutionRate, @ExecutionScore, @CompositeScore, @Grade, @Problems, @Causes, @ImprovementMeasures, @Suggestions,
            @FiledOn, @Now, @Now)
        """;

    private const string MaxIdsSql = """
        SELECT (SELECT COALESCE(MAX(id), 0) FROM projects), (SELECT COALESCE(MAX(id), 0) FROM budget_lines),
               (SELECT COALESCE(MAX(id), 0) FROM budget_adjustments), (SELECT COALESCE(MAX(id), 0) FROM indicators)
        """;

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

    private static readonly string[] ProjectNames =
    [
        "校舍维修改造", "老旧小区改造", "道路养护", "基层医疗设备购置", "就业培训补贴", "城乡低保资金", "公共文化服务体系建设",
        "智慧城市平台运维", "农村人居环境整治", "安全生产专项检查", "食品安全抽检", "中小企业发展专项", "社区养老服务", "垃圾分类设施建设",
    ];

    /// <summary>Name, category, subcategory, operator, unit and the scale of a typical target (counts, %, amounts, costs).</summary>
    private static readonly (string Name, IndicatorCategory Category, IndicatorSubcategory Subcategory, ComparisonOperator Operator, string Unit, decimal From, decimal To, int Decimals)[] Indicators =
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

    private readonly Dictionary<string, SqliteCommand> _commands = [];

    public sealed record Counts(int Departments, int Lines, int Projects, int Adjustments, int Indicators);

    /// <summary>What <c>generate-data --help</c> prints.</summary>
    public const string Usage = """
        generate-data: 生成一个年度的模拟数据，写入嵌入式 SQLite 数据库，用于大数据量下的测量。
        Writes one realistic generated fiscal year (departments, budget lines, projects, adjustments,
        indicators, filed evaluations) into the embedded SQLite database, then rebuilds the read model.

        Usage:
          dotnet run --project src/PerfEval.Api -- generate-data [--departments N] [--year YYYY] [--seed N]

        Options:
          --departments N              how many departments (default 10000)
          --year YYYY                  the fiscal year to generate; it must not exist yet (default 2025)
          --seed N                     the same seed gives the same data (default 7)
          --Database:DataFolder PATH   the folder of the SQLite database (default data)
          --help, -h                   print this help and exit; touches no database

        Example:
          dotnet run --project src/PerfEval.Api -- generate-data --departments 10000 --year 2025

        """;

    /// <summary>Progress is logged every this many departments.</summary>
    private const int ProgressEvery = 1_000;

    /// <summary>Whether the command line asks for <see cref="Usage"/>.</summary>
    public static bool AsksForHelp(IEnumerable<string> args) => args.Any(a => a is "--help" or "-h" or "-?" or "/?");

    /// <summary>
    /// The <c>generate-data</c> command: settings from the command line (<c>--departments</c>, <c>--year</c>,
    /// <c>--seed</c>). Returns the exit code: 1, after one line saying why, when the data cannot be generated.
    /// </summary>
    public static async Task<int> RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var generator = ActivatorUtilities.CreateInstance<YearGenerator>(services);
        try
        {
            await generator.GenerateAsync(
                configuration.GetValue("departments", 10_000), configuration.GetValue("year", 2025), configuration.GetValue("seed", 7), ct);

            // The generated rows bypass the commands: the read model is brought to them afterwards.
            await services.RebuildReadModelAsync(ct);
        }
        catch (InvalidOperationException refused)
        {
            // The reason is the whole message: no stack trace for a refusal the user can act on.
            services.GetRequiredService<ILogger<YearGenerator>>().LogError("generate-data: {Reason}", refused.Message);
            return 1;
        }

        return 0;
    }

    public async Task<Counts> GenerateAsync(int departments, int year, int seed, CancellationToken ct)
    {
        if (connections.Options.Provider != DatabaseProvider.Sqlite)
        {
            throw new InvalidOperationException("generate-data writes into the embedded SQLite database only.");
        }

        var started = Stopwatch.GetTimestamp();
        await migrations.MigrateAsync(ct);
        await using var connection = (SqliteConnection)await connections.OpenAsync(UnitOfWorkKind.Write, ct);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        if (Command(connection, transaction, YearExistsSql).Run(year) is long existing && existing > 0)
        {
            throw new InvalidOperationException(
                $"fiscal year {year} already exists in this database; nothing was written. Give another --year, or another --Database:DataFolder.");
        }

        var now = new DateTimeOffset(year + 1, 3, 1, 0, 0, 0, TimeSpan.Zero);
        Command(connection, transaction, InsertYearSql).Run(year, now);
        var ids = new long[4];
        using (var reader = Command(connection, transaction, MaxIdsSql).Reader())
        {
            reader.Read();
            for (var i = 0; i < ids.Length; i++)
            {
                ids[i] = reader.GetInt64(i);
            }
        }

        var counts = new Counts(0, 0, 0, 0, 0);
        var lastAdjustmentBefore = ids[2];
        logger.LogInformation("Generating {Year}: {Departments} departments (seed {Seed})", year, departments, seed);
        for (var i = 1; i <= departments; i++)
        {
            ct.ThrowIfCancellationRequested();
            counts = WriteDepartmentYear(connection, transaction, i, year, seed, now, ids, counts);
            if (i % ProgressEvery == 0 && i < departments)
            {
                logger.LogInformation("Generating {Year}: {Done} of {Departments} departments in {Seconds:0.0} s",
                    year, i, departments, Stopwatch.GetElapsedTime(started).TotalSeconds);
            }
        }

        Command(connection, transaction, BudgetAdjustmentResponse.RecordAppendedInFeedSql).Run(lastAdjustmentBefore);

        await transaction.CommitAsync(ct);
        foreach (var command in _commands.Values)
        {
            await command.DisposeAsync();
        }

        logger.LogInformation(
            "Generated {Year}: {Departments} departments, {Lines} budget lines, {Projects} projects, {Adjustments} adjustments, {Indicators} indicators in {Seconds:0.0} s",
            year, counts.Departments, counts.Lines, counts.Projects, counts.Adjustments, counts.Indicators, Stopwatch.GetElapsedTime(started).TotalSeconds);
        return counts;
    }

    private Counts WriteDepartmentYear(SqliteConnection connection, SqliteTransaction transaction, int index, int year, int seed, DateTimeOffset now, long[] ids, Counts counts)
    {
        // The department is the same in every year generated with this seed; its figures differ by year.
        var unitRandom = new Random(unchecked((seed * 1_000_003) + index));
        var random = new Random(unchecked((seed * 1_000_003) + (year * 7_919) + index));
        var code = $"GEN{index:D5}";
        var region = Regions[unitRandom.Next(Regions.Length)];
        var unit = Units[unitRandom.Next(Units.Length)];
        var posts = unitRandom.Next(8, 120);
        Command(connection, transaction, InsertDepartmentSql).Run(
            code, region + string.Format(CultureInfo.InvariantCulture, unit.Name, unitRandom.Next(1, 120)), region, unit.UnitType,
            Levels[unitRandom.Next(Levels.Length)], unit.Function + "；完成上级交办的其他工作任务。",
            unit.UnitType == "事业单位" ? 0 : posts, unit.UnitType == "事业单位" ? posts : 0, unitRandom.Next(0, 5), posts - unitRandom.Next(0, 6),
            "[\"综合科\",\"业务科\",\"财务室\"]", now);

        // Most units meet their targets; some fall short, a few far short: grades spread from 优 to 差.
        var shortfall = random.Next(100) switch { < 60 => 0m, < 85 => 0.2m, < 96 => 0.4m, _ => 0.8m };
        var lines = Lines(random);
        var projectsWritten = 0;
        var adjustmentsWritten = 0;
        var lineInputs = new List<BudgetLineInput>(lines.Count);
        foreach (var line in lines)
        {
            var lineId = ++ids[1];
            long? projectId = null;
            var adjustments = new List<decimal>();
            if (random.Next(5) == 0)
            {
                adjustments.Add(Money(random, -line.Initial / 4, line.Initial / 2));
                if (random.Next(3) == 0)
                {
                    adjustments.Add(Money(random, -line.Initial / 10, line.Initial / 5));
                }
            }

            var adjusted = line.Initial + adjustments.Sum();
            // Mostly 80–100% executed, a quarter fully, and now and then more than the budget (a finding).
            var executed = random.Next(100) switch
            {
                0 => decimal.Round(adjusted * 1.03m, 2),
                < 25 => adjusted,
                _ => decimal.Round(adjusted * random.Next(8_000 - (int)(shortfall * 4_000), 10_001) / 10_000m, 2),
            };
            if (line.Class == ExpenditureClass.Project)
            {
                projectId = ++ids[0];
                projectsWritten++;
                Command(connection, transaction, InsertProjectSql).Run(
                    projectId, code, year, $"{year}年{ProjectNames[random.Next(ProjectNames.Length)]}项目", line.Source.ToString(),
                    random.Next(10) < 8 ? 1 : 0, Amount(adjusted), Amount(executed), now);
            }

            Command(connection, transaction, InsertLineSql).Run(
                lineId, code, year, line.Class.ToString(), line.Source.ToString(), projectId, Amount(line.Initial),
                Amount(adjustments.Sum()), Amount(executed), now);
            foreach (var amount in adjustments)
            {
                var adjustmentId = ++ids[2];
                adjustmentsWritten++;
                Command(connection, transaction, InsertAdjustmentSql).Run(
                    adjustmentId, lineId, code, year, Amount(amount), $"{region}财预〔{year}〕{adjustmentId % 1000 + 1}号",
                    amount > 0 ? "年中追加项目资金" : "项目结余收回", new DateOnly(year, random.Next(3, 12), random.Next(1, 29)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    "budget-platform", $"GEN-{year}-{adjustmentId}", "generate-data", now);
            }

            lineInputs.Add(new BudgetLineInput(line.Class, line.Source, line.Initial, adjustments.Sum(), executed, lineId));
        }

        var indicators = IndicatorsOf(random, ids, shortfall);
        var card = ScorecardCalculator.Calculate(new ScorecardInput(lineInputs, indicators, DeclaredFigures.None, false), ScoringSchemeSettings.Default);
        for (var n = 0; n < indicators.Count; n++)
        {
            var i = indicators[n];
            var completion = Printed(random, card.Indicators[n].Completion.Value);
            Command(connection, transaction, InsertIndicatorSql).Run(
                i.IndicatorId, code, year, i.Sequence, i.Name, IndicatorCategoryOf(i).ToString(), IndicatorSubcategoryOf(i).ToString(),
                i.Kind.ToString(), i.Operator?.ToString(), Written(i.Target), UnitOf(i), Written(i.Weight), Written(i.MidYearValue),
                Written(i.FinalValue), i.Tier?.ToString(), Written(i.QualitativeScore), i.DeviationReason,
                i.DeviationReason is null ? null : "加强过程监控，合理设定下年度目标", "年度工作总结及相关台账资料",
                // Reports often print a completion above 100% as 100 (accepted), and sometimes simply get one wrong.
                Written(random.Next(25) == 0 ? completion + 5 : completion > 100 && random.Next(3) == 0 ? 100m : completion),
                Written(Printed(random, card.Indicators[n].Score.Value)), now);
        }

        var b = card.Budget;
        var spoilt = random.Next(12) == 0;
        Command(connection, transaction, InsertEvaluationSql).Run(
            code, year, Written(b.Overall.Initial.Value), Written(b.Overall.Adjustments.Value), Written(b.Overall.Adjusted.Value),
            Written(spoilt ? b.Overall.Executed.Value + 100m : b.Overall.Executed.Value), Written(b.Overall.Executed.Value),
            Written(b.Basic.Executed.Value), Written(b.Project.Executed.Value), Written(b.Superior.Initial.Value),
            Written(b.OwnLevel.Initial.Value), Written(b.Other.Initial.Value), Written(Printed(random, b.Overall.AdjustmentRate.Value)),
            Written(Printed(random, b.Overall.ExecutionRate.Value)), Written(Printed(random, card.ExecutionScore.Value)),
            Written(spoilt ? card.CompositeScore.Value + 1.5m : Printed(random, card.CompositeScore.Value)),
            (random.Next(40) == 0 ? Grade.Excellent : card.Grade)?.ToString(),
            "部分项目前期准备不足，资金支出进度不均衡。", "项目论证和预算编制不够精细。", "加强预算执行监控，提前做好项目储备。", null,
            new DateOnly(year + 1, 2, random.Next(1, 28)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), now);

        return new Counts(counts.Departments + 1, counts.Lines + lines.Count, counts.Projects + projectsWritten,
            counts.Adjustments + adjustmentsWritten, counts.Indicators + indicators.Count);
    }

    /// <summary>Personnel and operating lines (own-level, sometimes also superior or other funds) and 3–7 project lines: about 8.</summary>
    private static List<(ExpenditureClass Class, FundingSource Source, decimal Initial)> Lines(Random random)
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
    private static List<IndicatorInput> IndicatorsOf(Random random, long[] ids, decimal shortfall)
    {
        var count = random.Next(8, 13);
        var total = random.Next(40) switch { 0 => 85m, 1 => 95m, _ => 90m };
        var weights = Enumerable.Range(0, count).Select(n => Math.Floor(total / count) + (n < total % count ? 1 : 0)).ToList();
        var list = new List<IndicatorInput>(count);
        var first = random.Next(Indicators.Length);
        for (var n = 0; n < count; n++)
        {
            var sequence = n + 1;
            var id = ++ids[3];
            if (n == count - 1 && random.Next(5) > 0)
            {
                var score = decimal.Round(weights[n] * random.Next(70 - (int)(shortfall * 50), 101) / 100m, 1);
                var tier = score >= weights[n] * 0.8m ? QualitativeTier.Achieved : score >= weights[n] * 0.6m ? QualitativeTier.PartiallyAchieved : QualitativeTier.NotAchieved;
                list.Add(new IndicatorInput(sequence, "服务对象满意度", IndicatorKind.Qualitative, null, null, weights[n], null, null, tier, score,
                    null, null, score < weights[n] && random.Next(10) > 0 ? "部分服务对象反映办理时限偏长" : null, null, null, id));
                continue;
            }

            var t = Indicators[(first + n) % Indicators.Length];
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
                null, null, id));
        }

        return list;
    }

    private static IndicatorCategory IndicatorCategoryOf(IndicatorInput i) =>
        i.Kind == IndicatorKind.Qualitative ? IndicatorCategory.Satisfaction : Indicators.First(t => t.Name == i.Name).Category;

    private static IndicatorSubcategory IndicatorSubcategoryOf(IndicatorInput i) =>
        i.Kind == IndicatorKind.Qualitative ? IndicatorSubcategory.ServiceRecipientSatisfaction : Indicators.First(t => t.Name == i.Name).Subcategory;

    private static string? UnitOf(IndicatorInput i) => i.Kind == IndicatorKind.Qualitative ? null : Indicators.First(t => t.Name == i.Name).Unit;

    /// <summary>Yuan between the bounds, with cents or whole, as budgets are written.</summary>
    private static decimal Money(Random random, decimal from, decimal to) =>
        decimal.Round(from + ((to - from) * random.Next(0, 1_000_001) / 1_000_000m), random.Next(3) == 0 ? 0 : 2);

    /// <summary>To 2, 1 or 0 decimals, as reports print.</summary>
    private static decimal? Printed(Random random, decimal? value) =>
        value is { } v ? decimal.Round(v, random.Next(3) switch { 0 => 0, 1 => 1, _ => 2 }, MidpointRounding.AwayFromZero) : null;

    /// <summary>Amounts are stored as TEXT with 2 decimals, as the service writes them.</summary>
    private static string Amount(decimal value) => Rounding.Money(value).ToString(CultureInfo.InvariantCulture);

    private static string? Written(decimal? value) => Sql.AsWritten(value);

    private PreparedCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            foreach (var name in Parameter().Matches(sql).Select(m => m.Value).Distinct())
            {
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            }

            command.Prepare();
            _commands[sql] = command;
        }

        return new PreparedCommand(command);
    }

    [GeneratedRegex(@"@\w+")]
    private static partial Regex Parameter();

    /// <summary>Values in the order the parameters first appear in the statement.</summary>
    private readonly struct PreparedCommand(SqliteCommand command)
    {
        public object? Run(params object?[] values)
        {
            Bind(values);
            return command.ExecuteScalar();
        }

        public SqliteDataReader Reader() => command.ExecuteReader();

        private void Bind(object?[] values)
        {
            if (values.Length != command.Parameters.Count)
            {
                throw new ArgumentException($"{command.Parameters.Count} values expected, {values.Length} given.", nameof(values));
            }

            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters[i].Value = values[i] ?? DBNull.Value;
            }
        }
    }
}
