using PerfEval.Application.Adjustments;
using PerfEval.Application.Adjustments.Push;
using PerfEval.Application.Budgets;
using PerfEval.Application.Evaluations;
using PerfEval.Application.FiscalYears;
using PerfEval.Application.Indicators;
using PerfEval.Application.Scoring;
using PerfEval.Application.YearViews;

namespace PerfEval.Api.OpenApi;

/// <summary>A named example: a one-line summary and the JSON.</summary>
internal sealed record Example(string Summary, string Json);

/// <summary>What a parameter means; optionally its example, enum, bounds and default (JSON text).</summary>
internal sealed record ParameterDoc(string Description)
{
    public string? Example { get; init; }
    public Type? EnumType { get; init; }
    public IReadOnlyList<string>? Values { get; init; }
    public string? Minimum { get; init; }
    public string? Maximum { get; init; }
    public string? Default { get; init; }
    public string? Pattern { get; init; }
    public int? MaxLength { get; init; }
    public bool Required { get; init; }
}

/// <summary>A file the operation answers with: media type → what it holds.</summary>
internal sealed record FileContent(string Description, bool Binary, string? Example = null);

/// <summary>
/// Everything an operation's contract says beyond what the endpoint declares. The generic parts
/// (security, problem responses, If-Match, If-None-Match, ETag, Location) are added by
/// <see cref="ContractOperationFilter"/> from route, method and scope.
/// </summary>
internal sealed record OperationDoc(string Description)
{
    public IReadOnlyDictionary<string, ParameterDoc> Parameters { get; init; } = new Dictionary<string, ParameterDoc>();
    public string? RequestDescription { get; init; }

    /// <summary>When the endpoint reads its body itself (a file, not JSON): media type → what it holds.</summary>
    public IReadOnlyDictionary<string, FileContent>? RequestContent { get; init; }
    public IReadOnlyDictionary<string, Example> RequestExamples { get; init; } = new Dictionary<string, Example>();
    public string? ResponseDescription { get; init; }
    public IReadOnlyDictionary<string, Example> ResponseExamples { get; init; } = new Dictionary<string, Example>();
    public IReadOnlyDictionary<string, FileContent>? ResponseContent { get; init; }

    /// <summary>When the endpoint writes its own response (IResult): the type and status it writes.</summary>
    public Type? ResponseType { get; init; }
    public int? ResponseStatus { get; init; }

    /// <summary>Problem statuses beyond the generic ones (e.g. 404 for an id in the body).</summary>
    public IReadOnlyList<int> MoreProblems { get; init; } = [];

    /// <summary>A PUT that also creates: If-Match only when replacing, so never 428.</summary>
    public bool IfMatchOptional { get; init; }
    public bool IdempotencyKey { get; init; }
    public bool AcceptLanguage { get; init; }
}

/// <summary>
/// The contract's words for every operation, keyed by operationId (the endpoint's WithName), with
/// request and response examples drawn from the demo data (the three 2024 seed reports). Adding an
/// endpoint: add its entry here (Spectral fails an operation without description or example), then
/// regenerate openapi.yaml: <c>dotnet run --project src/PerfEval.Api -- openapi</c>.
/// </summary>
internal static class OperationDocs
{
    public static readonly IReadOnlyDictionary<string, string> Tags = new Dictionary<string, string>
    {
        ["Departments"] = "部门单位 budget units: code, name, region, unit type, level, functions, staffing (编制), divisions (科室).",
        ["Fiscal years"] = "年度: open → evaluation → closed (closed years refuse every write to their data with 409), and the scoring scheme each year uses.",
        ["Budgets"] = "预算: the budget summary of a department-year (adjustment rate 预算调整率, execution rate 预算执行率) and its budget lines.",
        ["Budget adjustments"] = "年中调增/调减: the append-only adjustment ledger and the idempotent batch push of the budget systems.",
        ["Projects"] = "项目: a department's projects, on-platform (线上) or tracked internally (线下).",
        ["Indicators"] = "绩效指标: a department-year's performance indicators, as the report lists them.",
        ["Evaluations"] = "自评: the scorecard (评价结果) computed by rule, and the report's declared figures and narrative.",
        ["Scoring"] = "评分方案: scoring schemes (every setting of the rules, versioned) and the what-if preview.",
        ["Year views"] = "年度汇总: a year's ranking, summary, findings and exports across departments.",
        ["Report imports"] = "报告导入: a department's self-evaluation report uploaded as written (text, Word or PDF) and read into a draft for review.",
        ["Changes"] = "The change feed: every committed change, in commit order, for systems that follow the data.",
        ["Audit"] = "审计: the log of every write.",
        ["Health"] = "Liveness and readiness probes.",
    };

    /// <summary>
    /// Parameters that mean the same everywhere, keyed "location:name". A filter (an optional query
    /// parameter that narrows a list) has an "e.g." in its description and no Example: Swagger UI
    /// prefills examples, and a prefilled filter silently hides rows from whoever clicks "Try it out".
    /// </summary>
    public static readonly IReadOnlyDictionary<string, ParameterDoc> CommonParameters = new Dictionary<string, ParameterDoc>
    {
        ["path:code"] = new("Department code (部门单位编码).") { Example = "\"GXQ-GYYQ\"" },
        ["path:year"] = new("Fiscal year (年度).") { Example = "2024" },
        ["query:limit"] = new("Page size, 1–500 (default 50).") { Minimum = "1", Maximum = "500", Default = "50", Example = "50" },
        ["query:cursor"] = new("Opaque cursor: the previous page's `nextCursor`. Omit for the first page."),
        ["query:updatedSince"] = new("Only items changed after this time (ISO 8601 with offset), for incremental sync, e.g. `2024-07-01T00:00:00+08:00`."),
        ["query:explain"] = new("`true`: add `explanations`, the formula and inputs of every computed number.") { Default = "false", Example = "false" },
    };

    private const string Department = """{"code":"GXQ-GYYQ","name":"乌鲁木齐高新技术产业开发区(乌鲁木齐市新市区)工业园区管理办公室","region":"高新区（新市区）","parentCode":null,"unitType":"政府工作部门","level":"副县级","functions":"承担工业园区的规划、开发、招商及相关管理服务工作;完成上级交办的其他工作任务。","staffing":{"administrative":0,"institutional":28,"logistics":0,"actual":20},"divisions":["综合科","企业服务科","规划建设科","安全生产监督科","科技创新科","投资服务科"],"version":1,"updatedAt":"2025-01-06T09:30:00+00:00"}""";

    private const string SwjFields = """ "name":"乌鲁木齐高新技术产业开发区(乌鲁木齐市新市区)商务局","region":"高新区（新市区）","parentCode":null,"unitType":"行政单位","level":"正科级","functions":"贯彻执行国家、自治区和我市有关内外贸易、外资、对外经济合作工作的方针、政策和法律、法规。","staffing":{"administrative":10,"institutional":16,"logistics":0,"actual":20},"divisions":["高新区(新市区)招商服务中心","高新区(新市区)商务服务中心"] """;

    private const string FiscalYear2024 = """{"year":2024,"status":"evaluation","scoringSchemeId":1,"scoringSchemeCode":"default","scoringSchemeVersion":1,"version":1,"updatedAt":"2025-01-06T09:30:00+00:00","closedAt":null}""";

    private const string Totals = """{"initial":23733500.00,"adjustments":14882000.00,"adjusted":38615500.00,"executed":36615500.00,"adjustmentRate":62.70,"executionRate":94.82}""";

    private const string ByClass = """{"personnel":{"initial":3186200.00,"adjustments":0.00,"adjusted":3186200.00,"executed":3186200.00,"adjustmentRate":0.00,"executionRate":100.00},"operating":{"initial":181800.00,"adjustments":0.00,"adjusted":181800.00,"executed":181800.00,"adjustmentRate":0.00,"executionRate":100.00},"basic":{"initial":3368000.00,"adjustments":0.00,"adjusted":3368000.00,"executed":3368000.00,"adjustmentRate":0.00,"executionRate":100.00},"project":{"initial":20365500.00,"adjustments":14882000.00,"adjusted":35247500.00,"executed":33247500.00,"adjustmentRate":73.07,"executionRate":94.33}}""";

    private const string BySource = """{"superior":{"initial":53500.00,"adjustments":0.00,"adjusted":53500.00,"executed":53500.00,"adjustmentRate":0.00,"executionRate":100.00},"ownLevel":{"initial":23680000.00,"adjustments":14882000.00,"adjusted":38562000.00,"executed":36562000.00,"adjustmentRate":62.85,"executionRate":94.81},"other":{"initial":0.00,"adjustments":0.00,"adjusted":0.00,"executed":0.00,"adjustmentRate":null,"executionRate":null}}""";

    private const string BudgetLine = """{"id":1,"departmentCode":"GXQ-GYYQ","fiscalYear":2024,"expenditureClass":"personnel","fundingSource":"superior","projectId":null,"initialAmount":53500.00,"adjustmentTotal":0.00,"adjustedAmount":53500.00,"executedAmount":53500.00,"version":1,"updatedAt":"2025-01-06T09:30:00+00:00"}""";

    private const string Project = """{"id":2,"departmentCode":"GXQ-GYYQ","fiscalYear":2024,"name":"高新区(新市区)220KV米宫线(高科路北侧)电力改造项目","fundingSource":"ownLevel","onPlatform":true,"budget":19000000.00,"executed":17000000.00,"executionRate":89.47,"version":1,"updatedAt":"2025-01-06T09:30:00+00:00"}""";

    private const string ProjectFields = """ "name":"高新区(新市区)220KV米宫线(高科路北侧)电力改造项目","fundingSource":"ownLevel","onPlatform":true,"budget":19000000.00,"executed":17000000.00 """;

    private const string IndicatorFields = """ "sequence":2,"name":"固定资产投资增长","category":"effect","subcategory":"economicBenefit","kind":"quantitative","operator":"atLeast","target":35000.0,"unit":"万元","weight":25.0,"midYearValue":6322.0,"finalValue":36142.0,"qualitativeTier":null,"qualitativeScore":null,"deviationReason":"企业投资力度加大,超出预期效益","improvementMeasure":"合理安排制定下年度目标","evidence":"园区办2024年主管项目纳统情况、工业园区管理办公室2024年度工作总结等资料","reviewerDeduction":null,"deductionReason":null,"declaredCompletion":103.26,"declaredScore":25 """;

    private const string Indicator = "{\"id\":2,\"departmentCode\":\"GXQ-GYYQ\",\"fiscalYear\":2024," + IndicatorFields + ",\"version\":1,\"updatedAt\":\"2025-01-06T09:30:00+00:00\"}";

    private const string Scorecard = """{"departmentCode":"GXQ-GYYQ","departmentName":"乌鲁木齐高新技术产业开发区(乌鲁木齐市新市区)工业园区管理办公室","region":"高新区（新市区）","fiscalYear":2024,"scheme":{"id":1,"code":"default","schemeVersion":1,"name":"默认评分方案 (财预〔2020〕10号)"},"budget":{"initial":23733500.00,"adjustments":14882000.00,"adjusted":38615500.00,"executed":36615500.00,"adjustmentRate":62.70,"executionRate":94.82},"byExpenditureClass":{"personnel":{"initial":3186200.00,"adjustments":0.00,"adjusted":3186200.00,"executed":3186200.00,"adjustmentRate":0.00,"executionRate":100.00},"operating":{"initial":181800.00,"adjustments":0.00,"adjusted":181800.00,"executed":181800.00,"adjustmentRate":0.00,"executionRate":100.00},"basic":{"initial":3368000.00,"adjustments":0.00,"adjusted":3368000.00,"executed":3368000.00,"adjustmentRate":0.00,"executionRate":100.00},"project":{"initial":20365500.00,"adjustments":14882000.00,"adjusted":35247500.00,"executed":33247500.00,"adjustmentRate":73.07,"executionRate":94.33}},"byFundingSource":{"superior":{"initial":53500.00,"adjustments":0.00,"adjusted":53500.00,"executed":53500.00,"adjustmentRate":0.00,"executionRate":100.00},"ownLevel":{"initial":23680000.00,"adjustments":14882000.00,"adjusted":38562000.00,"executed":36562000.00,"adjustmentRate":62.85,"executionRate":94.81},"other":{"initial":0.00,"adjustments":0.00,"adjusted":0.00,"executed":0.00,"adjustmentRate":null,"executionRate":null}},"executionWeight":10,"executionScore":9.48,"indicators":[{"id":1,"sequence":1,"name":"重点项目投产数","kind":"quantitative","weight":20.0,"completion":100.00,"cappedScore":20.00,"deduction":null,"score":20.00,"flags":[],"declaredCompletion":{"declared":100,"computed":100.00,"consistent":true},"declaredScore":{"declared":20,"computed":20.0,"consistent":true}},{"id":2,"sequence":2,"name":"固定资产投资增长","kind":"quantitative","weight":25.0,"completion":103.26,"cappedScore":25.00,"deduction":null,"score":25.00,"flags":[],"declaredCompletion":{"declared":103.26,"computed":103.26,"consistent":true},"declaredScore":{"declared":25,"computed":25.0,"consistent":true}},{"id":3,"sequence":3,"name":"新增高新技术企业","kind":"quantitative","weight":20.0,"completion":100.00,"cappedScore":20.00,"deduction":null,"score":20.00,"flags":[],"declaredCompletion":{"declared":100,"computed":100.00,"consistent":true},"declaredScore":{"declared":20,"computed":20.0,"consistent":true}},{"id":4,"sequence":4,"name":"工业园区总产值增长","kind":"quantitative","weight":25.0,"completion":100.20,"cappedScore":25.00,"deduction":null,"score":25.00,"flags":["finalBelowMidYear"],"declaredCompletion":{"declared":100.20,"computed":100.20,"consistent":true},"declaredScore":{"declared":25,"computed":25.0,"consistent":true}}],"weightTotal":100.00,"compositeScore":99.48,"grade":"excellent","gradeLabel":"优","declared":{"initialBudget":{"declared":23733500,"computed":23733500.00,"consistent":true},"adjustments":{"declared":14882000,"computed":14882000.00,"consistent":true},"adjustedBudget":{"declared":38615500,"computed":38615500.00,"consistent":true},"executed":{"declared":36615500,"computed":36615500.00,"consistent":true},"expenditureTotal":{"declared":38615500,"computed":36615500.00,"consistent":false},"basicExpenditure":{"declared":3368000,"computed":3368000.00,"consistent":true},"projectExpenditure":{"declared":33247500,"computed":33247500.00,"consistent":true},"initialSuperior":{"declared":53500,"computed":53500.00,"consistent":true},"initialOwnLevel":{"declared":23680000,"computed":23680000.00,"consistent":true},"initialOther":{"declared":0,"computed":0.00,"consistent":true},"adjustmentRate":{"declared":62.70,"computed":62.70,"consistent":true},"executionRate":{"declared":94.82,"computed":94.82,"consistent":true},"executionScore":{"declared":9.48,"computed":9.48,"consistent":true},"compositeScore":{"declared":99.48,"computed":99.48,"consistent":true},"grade":{"declared":"excellent","computed":"excellent","consistent":true}},"findingCounts":{"error":2,"warning":1,"info":0},"findings":[{"code":"BUDGET_CLASS_SPLIT","severity":"error","subject":"budget","figures":{"basicExpenditure":3368000,"projectExpenditure":33247500,"sum":36615500,"expenditureTotal":38615500},"message":"申报基本支出 3368000 元 + 项目支出 33247500 元 = 36615500 元，与申报支出总额 38615500 元 不一致"},{"code":"DECLARED_EXPENDITURE_TOTAL_MISMATCH","severity":"error","subject":"budget","figures":{"declared":38615500,"computed":36615500.00},"message":"申报支出总额 38615500 元 与计算值 36615500.00 元 不一致"},{"code":"FINAL_BELOW_MID_YEAR","severity":"warning","subject":"indicator 4","figures":{"midYearValue":5.1,"finalValue":5.01},"message":"指标 4「工业园区总产值增长」本次评价完成值 5.01 低于年中监控完成值 5.1"}],"explanations":null,"version":3,"evaluationVersion":1}""";

    private const string Preview = """{"departmentCode":null,"departmentName":null,"region":null,"fiscalYear":null,"scheme":{"id":1,"code":"default","schemeVersion":1,"name":"默认评分方案 (财预〔2020〕10号)"},"budget":{"initial":2523900.00,"adjustments":0.00,"adjusted":2523900.00,"executed":2474400.00,"adjustmentRate":0.00,"executionRate":98.04},"byExpenditureClass":{"personnel":{"initial":2117200.00,"adjustments":0.00,"adjusted":2117200.00,"executed":2067700.00,"adjustmentRate":0.00,"executionRate":97.66},"operating":{"initial":60800.00,"adjustments":0.00,"adjusted":60800.00,"executed":60800.00,"adjustmentRate":0.00,"executionRate":100.00},"basic":{"initial":2178000.00,"adjustments":0.00,"adjusted":2178000.00,"executed":2128500.00,"adjustmentRate":0.00,"executionRate":97.73},"project":{"initial":345900.00,"adjustments":0.00,"adjusted":345900.00,"executed":345900.00,"adjustmentRate":0.00,"executionRate":100.00}},"byFundingSource":{"superior":{"initial":0.00,"adjustments":0.00,"adjusted":0.00,"executed":0.00,"adjustmentRate":null,"executionRate":null},"ownLevel":{"initial":2523900.00,"adjustments":0.00,"adjusted":2523900.00,"executed":2474400.00,"adjustmentRate":0.00,"executionRate":98.04},"other":{"initial":0.00,"adjustments":0.00,"adjusted":0.00,"executed":0.00,"adjustmentRate":null,"executionRate":null}},"executionWeight":10,"executionScore":9.80,"indicators":[{"id":null,"sequence":1,"name":"引进中介服务机构数量","kind":"quantitative","weight":40,"completion":150.00,"cappedScore":40.00,"deduction":null,"score":40.00,"flags":["overAchieved","targetLikelyTooLow"],"declaredCompletion":{"declared":150,"computed":150.00,"consistent":true},"declaredScore":{"declared":40,"computed":40,"consistent":true}},{"id":null,"sequence":2,"name":"服务对象满意度","kind":"qualitative","weight":50,"completion":92.00,"cappedScore":46.00,"deduction":null,"score":46.00,"flags":["underAchieved","reasonMissing"],"declaredCompletion":null,"declaredScore":{"declared":46,"computed":46.00,"consistent":true}}],"weightTotal":100.00,"compositeScore":95.80,"grade":"excellent","gradeLabel":"优","declared":{"initialBudget":null,"adjustments":null,"adjustedBudget":null,"executed":null,"expenditureTotal":null,"basicExpenditure":null,"projectExpenditure":null,"initialSuperior":null,"initialOwnLevel":null,"initialOther":null,"adjustmentRate":null,"executionRate":null,"executionScore":null,"compositeScore":null,"grade":null},"findingCounts":{"error":0,"warning":2,"info":0},"findings":[{"code":"TARGET_LIKELY_TOO_LOW","severity":"warning","subject":"indicator 1","figures":{"completion":150.00,"threshold":150,"target":8,"finalValue":12},"message":"Indicator 1 (引进中介服务机构数量): completion 150.00% is at or above 150%: the target 8 was likely set too low; a reviewer may deduct for the deviation, with a reason"},{"code":"UNDER_ACHIEVEMENT_NO_REASON","severity":"warning","subject":"indicator 2","figures":{"completion":92.00,"threshold":100},"message":"Indicator 2 (服务对象满意度): completion 92.00% is below 100% but no deviation reason is given"}],"explanations":null,"version":0,"evaluationVersion":0}""";

    private const string PreviewRequest = """{"lines":[{"expenditureClass":"personnel","fundingSource":"ownLevel","initialAmount":2117200.0,"executedAmount":2067700.0,"adjustmentTotal":0},{"expenditureClass":"operating","fundingSource":"ownLevel","initialAmount":60800.0,"executedAmount":60800.0,"adjustmentTotal":0},{"expenditureClass":"project","fundingSource":"ownLevel","initialAmount":345900.0,"executedAmount":345900.0,"adjustmentTotal":0}],"indicators":[{"name":"引进中介服务机构数量","kind":"quantitative","weight":40,"sequence":1,"operator":"atLeast","target":8,"midYearValue":4,"finalValue":12,"qualitativeTier":null,"qualitativeScore":null,"reviewerDeduction":null,"deductionReason":null,"deviationReason":"由于6月颁布了新的《管理办法》,更多专业服务机构申请入驻园区","declaredCompletion":150,"declaredScore":40},{"name":"服务对象满意度","kind":"qualitative","weight":50,"sequence":2,"operator":null,"target":null,"midYearValue":null,"finalValue":null,"qualitativeTier":"achieved","qualitativeScore":46,"reviewerDeduction":null,"deductionReason":null,"deviationReason":null,"declaredCompletion":null,"declaredScore":46}],"declared":null,"schemeId":null}""";

    private const string SwjDeclared = """{"initialBudget":31425500.00,"adjustments":0.00,"adjustedBudget":31425500.00,"executed":31425500.00,"expenditureTotal":31425500.00,"basicExpenditure":4543900.00,"projectExpenditure":26881600.00,"initialSuperior":1589100.00,"initialOwnLevel":29836400.00,"initialOther":0.00,"adjustmentRate":100,"executionRate":100,"executionScore":10,"compositeScore":85,"grade":"good"}""";

    private const string SwjNarrative = """ "problems":"1.消费市场活力有待进一步激发,特别是在中高端消费、新兴消费领域的挖掘和培育方面还需加大力度。\n2.外贸发展面临挑战,其中工业企业外贸占比低。","causes":"1、虽然开展了系列促销活动,但消费市场仍存在消费热点不够突出、消费结构有待优化。\n2、外贸体量较小,重大项目少,项目支撑不足。","improvementMeasures":"1.持续开展消费品以旧换新活动。\n2.锚定产业主攻方向,深入开展精准招商。","suggestions":"1.推动新的招商格局,优化招商政策。","filedOn":"2025-03-20" """;

    private const string DefaultSettings = """{"executionWeight":10,"expectedWeightTotal":100,"overAchievementReasonThreshold":120,"targetTooLowThreshold":150,"underAchievementReasonThreshold":100,"qualitativeAchievedFrom":0.8,"qualitativePartiallyAchievedFrom":0.6,"excellentFrom":90,"goodFrom":80,"fairFrom":60,"displayDecimals":2,"roundingMode":"awayFromZero"}""";

    private const string DefaultScheme = "{\"id\":1,\"code\":\"default\",\"schemeVersion\":1,\"name\":\"默认评分方案 (财预〔2020〕10号)\",\"description\":\"Default whole-department scheme: execution weight 10, indicators 90, grade bands 90/80/60.\",\"settings\":" + DefaultSettings + ",\"usedByYears\":[2024],\"locked\":false,\"version\":1,\"updatedAt\":\"2024-01-01T00:00:00+00:00\"}";

    private const string Adjustment = """{"id":1,"lineId":6,"departmentCode":"GXQ-GYYQ","fiscalYear":2024,"amount":9000000.00,"documentNumber":"演示-2024-001","reason":"年中调增本级资金，用于清欠支付（报告未列调整明细，演示拆分）","effectiveDate":"2024-06-30","sourceSystem":"demo","sourceItemId":"000-ADJ-1","reversesId":null,"clientName":"perfeval","createdAt":"2025-01-06T09:30:00+00:00"}""";

    private const string ScorecardRowCyfwzx = """{"departmentCode":"GXQ-CYFWZX","departmentName":"乌鲁木齐高新技术产业开发区(乌鲁木齐市新市区)创业服务中心","region":"高新区（新市区）","fiscalYear":2024,"compositeScore":99.80,"grade":"excellent","gradeLabel":"优","executionRate":98.04,"executionScore":9.80,"initialBudget":2523900.00,"adjustedBudget":2523900.00,"executed":2474400.00,"findingCounts":{"error":0,"warning":2,"info":0}}""";

    private const string ScorecardRowGyyq = """{"departmentCode":"GXQ-GYYQ","departmentName":"乌鲁木齐高新技术产业开发区(乌鲁木齐市新市区)工业园区管理办公室","region":"高新区（新市区）","fiscalYear":2024,"compositeScore":99.48,"grade":"excellent","gradeLabel":"优","executionRate":94.82,"executionScore":9.48,"initialBudget":23733500.00,"adjustedBudget":38615500.00,"executed":36615500.00,"findingCounts":{"error":2,"warning":1,"info":0}}""";

    private const string ScorecardRowSwj = """{"departmentCode":"GXQ-SWJ","departmentName":"乌鲁木齐高新技术产业开发区(乌鲁木齐市新市区)商务局","region":"高新区（新市区）","fiscalYear":2024,"compositeScore":85.00,"grade":"good","gradeLabel":"良","executionRate":100.00,"executionScore":10.00,"initialBudget":31425500.00,"adjustedBudget":31425500.00,"executed":31425500.00,"findingCounts":{"error":1,"warning":2,"info":0}}""";

    private const string SummaryFigures = """{"departmentCount":3,"grades":{"excellent":2,"good":1,"fair":0,"poor":0,"noGrade":0},"compositeScore":{"count":3,"average":94.76,"min":85.00,"q1":92.24,"median":99.48,"q3":99.64,"max":99.80},"executionRate":{"count":3,"average":97.62,"min":94.82,"q1":96.43,"median":98.04,"q3":99.02,"max":100.00},"unitsWithErrors":2}""";

    private const string ImportFields = """ "status":"draft","departmentCode":"GXQ-GYYQ","fiscalYear":2024,"fileName":"工业园区管理办公室2024年度自评报告.txt","mediaType":"text/plain","fileSize":24817,"fileSha256":"1f68b8a0a6e4ab92c3d5e0f4a7b9c1d2e3f405162738495a6b7c8d9e0f1a2b3c","clientName":"demo-writer","version":1,"createdAt":"2025-02-14T09:30:00+00:00","updatedAt":"2025-02-14T09:30:00+00:00","committedAt":null """;

    private const string ImportDraft = """{"source":"text","department":{"status":"read","value":"乌鲁木齐高新技术产业开发区(乌鲁木齐市新市区)工业园区管理办公室","readings":[{"value":"乌鲁木齐高新技术产业开发区(乌鲁木齐市新市区)工业园区管理办公室","evidence":{"text":"乌鲁木齐高新技术产业开发区(乌鲁木齐市新市区)工业园区管理办公室","start":58,"length":44,"cell":null}}],"rule":null},"fiscalYear":{"status":"read","value":2024,"readings":[{"value":2024,"evidence":{"text":"2024年度","start":20,"length":6,"cell":null}}],"rule":null},"budget":{"initial":{"status":"read","value":23733500.00,"readings":[{"value":23733500.00,"evidence":{"text":"年初预算数 2373.35 万元","start":1290,"length":17,"cell":null}}],"rule":null}},"indicators":[],"declared":{"compositeScore":{"status":"read","value":99.48,"readings":[],"rule":null},"grade":{"status":"read","value":"excellent","readings":[],"rule":null}},"flags":[],"text":"附件 4:\n\n部门单位整体支出绩效 自评报告 (2024年度)…"}""";

    private static Dictionary<string, Example> One(string name, string summary, string json) => new() { [name] = new Example(summary, json) };

    /// <summary>The path's department when the body's example is about 商务局.</summary>
    private static readonly ParameterDoc Swj = new("Department code (部门单位编码).") { Example = "\"GXQ-SWJ\"" };

    private static ParameterDoc Id(string what) => new($"Id of the {what}.") { Example = "1" };

    public static readonly IReadOnlyDictionary<string, OperationDoc> Operations = new Dictionary<string, OperationDoc>
    {
        // Departments (部门单位).
        ["listDepartments"] = new("""
            Departments (部门单位) in code order, keyset-paged. Filter by region (所属区域), unit type (单位性质)
            and part of the name. A client limited to some regions or departments sees only those.
            """)
        {
            Parameters = new Dictionary<string, ParameterDoc>
            {
                ["region"] = new("Only departments of this region (所属区域), exact match, e.g. `高新区（新市区）`."),
                ["unitType"] = new("Only departments of this unit type (单位性质), exact match, e.g. 行政单位, 事业单位."),
                ["nameContains"] = new("Only departments whose name contains this text (at most 100 characters), e.g. `商务局`.") { MaxLength = 100 },
            },
            ResponseDescription = "A page of departments.",
            ResponseExamples = One("demo", "The demo data, first page of one", "{\"items\":[" + Department + "],\"nextCursor\":\"R1hRLUdZWVE\"}"),
        },
        ["createDepartment"] = new("""
            Creates a department (部门单位) with its code, name and region and, optionally, its parent unit
            (上级单位), unit type (单位性质), level (单位级别), main functions (主要职能), staffing (编制 and
            实有人数) and internal divisions (内设科室). The code is stable: it cannot change later. A
            client limited to some regions may create departments only in them (403 otherwise).
            """)
        {
            RequestExamples = One("subordinate", "A unit under 商务局 (GXQ-SWJ)", """{"code":"GXQ-SWJ-ZS","name":"高新区(新市区)招商服务中心","region":"高新区（新市区）","parentCode":"GXQ-SWJ","unitType":"事业单位","level":"股级","functions":"承担全区商贸流通领域招商引资的项目征集、推荐和服务工作。","staffing":{"administrative":0,"institutional":6,"logistics":0,"actual":5},"divisions":["招商服务科"]}"""),
            ResponseDescription = "Created: the department as stored; Location names it.",
            ResponseExamples = One("subordinate", "Created", """{"code":"GXQ-SWJ-ZS","name":"高新区(新市区)招商服务中心","region":"高新区（新市区）","parentCode":"GXQ-SWJ","unitType":"事业单位","level":"股级","functions":"承担全区商贸流通领域招商引资的项目征集、推荐和服务工作。","staffing":{"administrative":0,"institutional":6,"logistics":0,"actual":5},"divisions":["招商服务科"],"version":1,"updatedAt":"2025-01-06T09:30:00+00:00"}"""),
        },
        ["getDepartment"] = new("One department (部门单位) with its staffing (编制) and divisions (科室). The ETag is its row version.")
        {
            ResponseDescription = "The department.",
            ResponseExamples = One("gyyq", "工业园区管理办公室", Department),
        },
        ["updateDepartment"] = new("""
            Replaces every field of a department but its code (send the whole department, as read).
            Needs the ETag it was read with in If-Match. Its data in closed years is not affected.
            """)
        {
            Parameters = new Dictionary<string, ParameterDoc> { ["code"] = Swj },
            RequestExamples = One("swj", "商务局 with its level recorded", "{" + SwjFields + "}"),
            ResponseDescription = "The department as stored, with its new version.",
            ResponseExamples = One("swj", "Updated", "{\"code\":\"GXQ-SWJ\"," + SwjFields + ",\"version\":2,\"updatedAt\":\"2025-01-06T09:30:00+00:00\"}"),
        },

        // Fiscal years (年度).
        ["listFiscalYears"] = new("Fiscal years (年度), newest first, keyset-paged, optionally one stage only.")
        {
            Parameters = new Dictionary<string, ParameterDoc>
            {
                ["status"] = new("Only years at this stage, e.g. `evaluation`.") { EnumType = typeof(FiscalYearStatus) },
            },
            ResponseDescription = "A page of fiscal years.",
            ResponseExamples = One("demo", "The demo year", "{\"items\":[" + FiscalYear2024 + "],\"nextCursor\":null}"),
        },
        ["createFiscalYear"] = new("""
            Opens a fiscal year (年度), at stage open (预算与年中监控) or evaluation (自评), scored by the given
            scoring scheme (评分方案) or else by the newest version of the `default` scheme.
            """)
        {
            RequestExamples = One("next", "Open 2025 with the default scheme", """{"year":2025,"status":"open","scoringSchemeId":null}"""),
            ResponseDescription = "Created: the fiscal year; Location names it.",
            ResponseExamples = One("next", "Opened", """{"year":2025,"status":"open","scoringSchemeId":1,"scoringSchemeCode":"default","scoringSchemeVersion":1,"version":1,"updatedAt":"2025-01-06T09:30:00+00:00","closedAt":null}"""),
        },
        ["getFiscalYear"] = new("One fiscal year (年度): its stage and the scoring scheme (评分方案) its scorecards use.")
        {
            ResponseDescription = "The fiscal year.",
            ResponseExamples = One("demo", "2024, in evaluation", FiscalYear2024),
        },
        ["updateFiscalYear"] = new("""
            Moves a fiscal year forward (open → evaluation → closed, never back) and/or points it at another
            scoring scheme (评分方案). Closing locks the year: every later write to its data (budget lines,
            adjustments, projects, indicators, evaluations, the year itself) is refused with 409, and a
            scheme a closed year uses can no longer change. Give at least one field.
            """)
        {
            // The first example (what Swagger UI prefills) leaves the demo year writable; closing it is the second.
            RequestExamples = new Dictionary<string, Example>
            {
                ["scheme"] = new("Keep 2024 on scoring scheme 1 (changes only its version)", """{"status":null,"scoringSchemeId":1}"""),
                ["close"] = new("Close 2024 after the self-evaluation (every later write to 2024 is 409)", """{"status":"closed","scoringSchemeId":null}"""),
            },
            ResponseDescription = "The fiscal year as stored, with its new version.",
            ResponseExamples = new Dictionary<string, Example>
            {
                ["scheme"] = new("Still in evaluation, on scheme 1", FiscalYear2024.Replace("\"version\":1,", "\"version\":2,", StringComparison.Ordinal)),
                ["close"] = new("Closed", """{"year":2024,"status":"closed","scoringSchemeId":1,"scoringSchemeCode":"default","scoringSchemeVersion":1,"version":2,"updatedAt":"2025-01-06T09:30:00+00:00","closedAt":"2025-01-06T09:30:00+00:00"}"""),
            },
        },

        // Budgets (预算).
        ["getBudgetSummary"] = new("""
            The budget of a department-year: initial budget (年初预算数), adjustments (年中调增/调减),
            adjusted budget (调整后全年预算数), executed amount (执行数), adjustment rate (预算调整率 =
            adjustments / initial × 100) and execution rate (预算执行率 = executed / adjusted × 100),
            overall, per expenditure class (人员经费, 公用经费, 基本支出, 项目支出) and per funding source
            (上级资金, 本级资金, 其他资金). Amounts in yuan (元); rates in percent, 2 decimals, 四舍五入; a
            rate whose base is 0 is null.
            """)
        {
            ResponseDescription = "The budget summary.",
            ResponseExamples = One("gyyq", "工业园区管理办公室 2024: adjusted 3861.55 万元, execution rate 94.82 %",
                "{\"departmentCode\":\"GXQ-GYYQ\",\"fiscalYear\":2024,\"lineCount\":7,\"total\":" + Totals + ",\"byExpenditureClass\":" + ByClass + ",\"byFundingSource\":" + BySource + "}"),
        },
        ["listBudgetLines"] = new("""
            The budget lines of a department-year in id order, keyset-paged: one per expenditure class and
            funding source (and project, for project spending). Each line's adjusted amount is derived from
            the append-only adjustment ledger.
            """)
        {
            Parameters = new Dictionary<string, ParameterDoc>
            {
                ["expenditureClass"] = new("Only lines of this expenditure class, e.g. `personnel`.") { EnumType = typeof(ExpenditureClass) },
                ["fundingSource"] = new("Only lines of this funding source, e.g. `superior`.") { EnumType = typeof(FundingSource) },
                ["projectId"] = new("Only the lines of this project, e.g. `2`."),
            },
            ResponseDescription = "A page of budget lines.",
            ResponseExamples = One("gyyq", "工业园区管理办公室 2024, first line", "{\"items\":[" + BudgetLine + "],\"nextCursor\":\"MQ\"}"),
        },
        ["createBudgetLine"] = new("""
            Adds a budget line to a department-year: expenditure class (支出分类), funding source (资金来源),
            for a project line its project, the initial budget (年初预算数) and executed amount (执行数) in
            yuan. Class + source + project is unique per department-year (409). Adjustments are not set
            here: they are pushed to the ledger (POST /budget-adjustments). The year must not be closed.
            """)
        {
            RequestExamples = One("other", "Operating funds from other sources for 工业园区管理办公室 2024", """{"expenditureClass":"operating","fundingSource":"other","initialAmount":12000.00,"executedAmount":11800.00,"projectId":null}"""),
            ResponseDescription = "Created: the line as stored; Location names it.",
            ResponseExamples = One("other", "Created", """{"id":20,"departmentCode":"GXQ-GYYQ","fiscalYear":2024,"expenditureClass":"operating","fundingSource":"other","projectId":null,"initialAmount":12000.00,"adjustmentTotal":0.00,"adjustedAmount":12000.00,"executedAmount":11800.00,"version":1,"updatedAt":"2025-01-06T09:30:00+00:00"}"""),
        },
        ["getBudgetLine"] = new("One budget line of a department-year, with its adjustment total and adjusted amount.")
        {
            Parameters = new Dictionary<string, ParameterDoc> { ["lineId"] = Id("budget line") },
            ResponseDescription = "The budget line.",
            ResponseExamples = One("gyyq", "Personnel, superior funds", BudgetLine),
        },
        ["updateBudgetLine"] = new("""
            Replaces a line's class, source, project, initial budget and executed amount; its adjustments
            stay in the ledger (adjustmentTotal is unchanged). Needs If-Match; the year must not be closed.
            """)
        {
            Parameters = new Dictionary<string, ParameterDoc> { ["lineId"] = Id("budget line") },
            RequestExamples = One("executed", "Correct the executed amount", """{"expenditureClass":"personnel","fundingSource":"superior","initialAmount":53500.00,"executedAmount":53000.00,"projectId":null}"""),
            ResponseDescription = "The line as stored, with its new version.",
            ResponseExamples = One("executed", "Updated", """{"id":1,"departmentCode":"GXQ-GYYQ","fiscalYear":2024,"expenditureClass":"personnel","fundingSource":"superior","projectId":null,"initialAmount":53500.00,"adjustmentTotal":0.00,"adjustedAmount":53500.00,"executedAmount":53000.00,"version":2,"updatedAt":"2025-01-06T09:30:00+00:00"}"""),
        },

        // Projects (项目).
        ["listProjects"] = new("A department's projects (项目) in id order, keyset-paged, filtered by year, funding source and platform flag (线上/线下).")
        {
            Parameters = new Dictionary<string, ParameterDoc>
            {
                ["year"] = new("Only projects of this fiscal year, e.g. `2024`."),
                ["fundingSource"] = new("Only projects of this funding source, e.g. `ownLevel`.") { EnumType = typeof(FundingSource) },
                ["onPlatform"] = new("true: only 线上 projects (managed in the finance performance platform); false: only 线下."),
            },
            ResponseDescription = "A page of projects.",
            ResponseExamples = One("gyyq", "工业园区管理办公室's power project", "{\"items\":[" + Project + "],\"nextCursor\":\"Mg\"}"),
        },
        ["createProject"] = new("""
            Adds a project (项目) to a department in the fiscal year given by `year`: name, funding source,
            on-platform flag (线上/线下), budget and executed amount in yuan. The year must exist (404) and
            not be closed (409).
            """)
        {
            Parameters = new Dictionary<string, ParameterDoc>
            {
                ["year"] = new("The fiscal year (年度) of the project.") { Example = "2024", Required = true },
            },
            RequestExamples = One("power", "工业园区管理办公室's power project", "{" + ProjectFields + "}"),
            ResponseDescription = "Created: the project; Location names it.",
            ResponseExamples = One("power", "Created", Project),
        },
        ["getProject"] = new("One project (项目) with its execution rate (执行率 = executed / budget × 100).")
        {
            Parameters = new Dictionary<string, ParameterDoc> { ["id"] = Id("project") },
            ResponseDescription = "The project.",
            ResponseExamples = One("power", "220KV 米宫线 power project, 89.47 % executed", Project),
        },
        ["updateProject"] = new("Replaces a project's name, funding source, platform flag, budget and executed amount; its department and year do not change. Needs If-Match; its year must not be closed.")
        {
            Parameters = new Dictionary<string, ParameterDoc> { ["id"] = Id("project") },
            RequestExamples = One("power", "Executed in full", "{\"name\":\"高新区(新市区)220KV米宫线(高科路北侧)电力改造项目\",\"fundingSource\":\"ownLevel\",\"onPlatform\":true,\"budget\":19000000.00,\"executed\":19000000.00}"),
            ResponseDescription = "The project as stored, with its new version.",
            ResponseExamples = One("power", "Updated", """{"id":2,"departmentCode":"GXQ-GYYQ","fiscalYear":2024,"name":"高新区(新市区)220KV米宫线(高科路北侧)电力改造项目","fundingSource":"ownLevel","onPlatform":true,"budget":19000000.00,"executed":19000000.00,"executionRate":100.00,"version":2,"updatedAt":"2025-01-06T09:30:00+00:00"}"""),
        },

        // Indicators (绩效指标).
        ["listIndicators"] = new("""
            A department-year's performance indicators (绩效指标) in report order (序号), keyset-paged,
            filtered by level-1 category (一级指标) and kind (定量/定性).
            """)
        {
            Parameters = new Dictionary<string, ParameterDoc>
            {
                ["category"] = new("Only indicators of this level-1 category, e.g. `effect`.") { EnumType = typeof(IndicatorCategory) },
                ["kind"] = new("Only quantitative (定量) or qualitative (定性) indicators, e.g. `quantitative`.") { EnumType = typeof(IndicatorKind) },
            },
            ResponseDescription = "A page of indicators.",
            ResponseExamples = One("gyyq", "工业园区管理办公室 2024: 固定资产投资增长 ≥ 35000 万元 → 36142", "{\"items\":[" + Indicator + "],\"nextCursor\":null}"),
        },
        ["createIndicator"] = new("""
            Adds a performance indicator (绩效指标). Quantitative (定量): operator (≥ atLeast, ≤ atMost, =
            equal), target (指标值) and unit, weight (分值), mid-year (年中监控完成值) and final value (本次评价
            完成值). Qualitative (定性): the evaluator's tier (达成/部分达成/未达成) and score. Also the
            deviation reason (偏差原因), improvement measure (改进措施), evidence (依据资料), a reviewer's
            deduction with its reason, and the report's own completion and score. Without a sequence it
            goes after the last one; a taken sequence is 409. The year must not be closed.
            """)
        {
            // Without a sequence: the demo department's sequences 1–4 are taken (a taken one is 409).
            RequestExamples = One("quantitative", "固定资产投资增长 ≥ 35000 万元 (seed 000), after the last indicator", "{" + IndicatorFields.Replace("\"sequence\":2,", "\"sequence\":null,", StringComparison.Ordinal) + "}"),
            ResponseDescription = "Created: the indicator; Location names it.",
            ResponseExamples = One("quantitative", "Created as sequence 5", Indicator.Replace("\"id\":2,", "\"id\":15,", StringComparison.Ordinal).Replace("\"sequence\":2,", "\"sequence\":5,", StringComparison.Ordinal)),
        },
        ["getIndicator"] = new("One performance indicator (绩效指标) as recorded. Its completion and score are on the scorecard.")
        {
            Parameters = new Dictionary<string, ParameterDoc> { ["id"] = Id("indicator") },
            ResponseDescription = "The indicator.",
            ResponseExamples = One("quantitative", "固定资产投资增长", Indicator),
        },
        ["updateIndicator"] = new("Replaces every field of an indicator (send it whole); without a sequence it keeps its place. Needs If-Match; the year must not be closed.")
        {
            Parameters = new Dictionary<string, ParameterDoc> { ["id"] = Id("indicator") },
            RequestExamples = One("quantitative", "固定资产投资增长 as reported", "{" + IndicatorFields + "}"),
            ResponseDescription = "The indicator as stored, with its new version.",
            ResponseExamples = One("quantitative", "Updated", "{\"id\":2,\"departmentCode\":\"GXQ-GYYQ\",\"fiscalYear\":2024," + IndicatorFields + ",\"version\":2,\"updatedAt\":\"2025-01-06T09:30:00+00:00\"}"),
        },
        ["deleteIndicator"] = new("Deletes an indicator. Needs If-Match; the year must not be closed. The scorecard no longer counts it (its weight total changes).")
        {
            Parameters = new Dictionary<string, ParameterDoc> { ["id"] = Id("indicator") },
            ResponseDescription = "Deleted. No body.",
        },

        // Evaluations (自评).
        ["getScorecard"] = new("""
            The scorecard (评价结果) of a department-year, computed by rule from the current data on every
            read: budget figures and rates (预算调整率, 预算执行率), the execution score (executionWeight ×
            min(execution rate / 100, 1)), each indicator's completion rate (完成率) and score (weight ×
            min(completion / 100, 1), less a reviewer's deduction), the composite score (综合得分, the sum of
            the rounded components) and grade (优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差), each declared figure beside the
            computed one, and the findings (e.g. 000's basic + project ≠ expenditure total). Rates and
            scores: 2 decimals, half away from zero (四舍五入). `explain=true` adds every formula with its
            numbers. Finding messages follow Accept-Language. The ETag is a hash of the content.
            """)
        {
            ResponseDescription = "The scorecard.",
            ResponseExamples = One("gyyq", "工业园区管理办公室 2024: composite 99.48, 优", Scorecard),
            AcceptLanguage = true,
        },
        ["saveEvaluation"] = new("""
            Stores (creates or replaces) the evaluation's own fields: the report's declared figures (kept as
            written, so 9.8 is checked at 1 decimal and 9.80 at 2), its problems (存在的问题), causes (原因
            分析), improvement measures (改进措施), suggestions (有关建议) and filing date. The first PUT creates
            it without If-Match; replacing it needs If-Match. The year must not be closed. The declared
            figures are then checked on the scorecard (GET …/evaluations/{year}).
            """)
        {
            Parameters = new Dictionary<string, ParameterDoc> { ["code"] = Swj },
            RequestExamples = One("swj", "商务局 2024 as reported (its 100 % adjustment rate for a zero adjustment is a finding)", "{\"declared\":" + SwjDeclared + "," + SwjNarrative + "}"),
            ResponseDescription = "The evaluation as stored.",
            ResponseExamples = One("swj", "Stored", "{\"departmentCode\":\"GXQ-SWJ\",\"fiscalYear\":2024,\"declared\":" + SwjDeclared + "," + SwjNarrative + ",\"version\":2,\"updatedAt\":\"2025-01-06T09:30:00+00:00\",\"conflictingFacts\":null}"),
            IfMatchOptional = true,
        },
        ["listDepartmentEvaluations"] = new("""
            Year over year: a department's scorecards side by side, oldest year first, one row per year that
            has budget lines or indicators: composite (综合得分), grade, execution rate and score, budget
            totals and finding counts.
            """)
        {
            ResponseDescription = "The department and its years.",
            ResponseExamples = One("gyyq", "工业园区管理办公室", "{\"department\":" + Department + ",\"years\":[" + ScorecardRowGyyq + "]}"),
        },

        // Scoring (评分).
        ["previewScorecard"] = new("""
            What-if: scores a payload that is not stored ("what would this unit score if …") with a stored
            scoring scheme (schemeId) or the default one, and answers a scorecard exactly as GET
            …/evaluations/{year} would (without department and year). Nothing is written. At most 1,000
            lines and 200 indicators. An unknown schemeId is 404.
            """)
        {
            RequestExamples = One("cyfwzx", "创业服务中心's budget with two indicators", PreviewRequest),
            ResponseDescription = "The scorecard of the payload.",
            ResponseExamples = One("cyfwzx", "Composite 95.80, 优, two warnings (Accept-Language: en)", Preview),
            AcceptLanguage = true,
            MoreProblems = [404],
        },
        ["listScoringSchemes"] = new("Scoring schemes (评分方案) in id order, keyset-paged, optionally one code's versions; each with the years that use it and whether a closed year locks it.")
        {
            Parameters = new Dictionary<string, ParameterDoc>
            {
                ["code"] = new("Only the versions of this scheme code, e.g. `default`."),
            },
            ResponseDescription = "A page of scoring schemes.",
            ResponseExamples = One("default", "The default scheme of 财预〔2020〕10号", "{\"items\":[" + DefaultScheme + "],\"nextCursor\":null}"),
        },
        ["createScoringScheme"] = new("""
            Creates a scoring scheme (评分方案), or the next version of an existing code: every number the rules
            use (execution weight, expected weight total, over-achievement and target-too-low thresholds,
            qualitative bands, grade bands, display decimals, rounding mode). A scheme a closed year uses
            changes only this way. Point a fiscal year at it with PATCH /fiscal-years/{year}.
            """)
        {
            RequestExamples = One("province", "A provincial variant: execution weight 20", """{"code":"xj-2025","name":"自治区部门整体支出评价方案 (2025)","settings":{"executionWeight":20,"expectedWeightTotal":100,"overAchievementReasonThreshold":120,"targetTooLowThreshold":150,"underAchievementReasonThreshold":100,"qualitativeAchievedFrom":0.8,"qualitativePartiallyAchievedFrom":0.6,"excellentFrom":90,"goodFrom":80,"fairFrom":60,"displayDecimals":2,"roundingMode":"awayFromZero"},"description":"Execution weight 20, indicators 80."}"""),
            ResponseDescription = "Created: the scheme; Location names it.",
            ResponseExamples = One("province", "Created as version 1", """{"id":2,"code":"xj-2025","schemeVersion":1,"name":"自治区部门整体支出评价方案 (2025)","description":"Execution weight 20, indicators 80.","settings":{"executionWeight":20,"expectedWeightTotal":100,"overAchievementReasonThreshold":120,"targetTooLowThreshold":150,"underAchievementReasonThreshold":100,"qualitativeAchievedFrom":0.8,"qualitativePartiallyAchievedFrom":0.6,"excellentFrom":90,"goodFrom":80,"fairFrom":60,"displayDecimals":2,"roundingMode":"awayFromZero"},"usedByYears":[],"locked":false,"version":1,"updatedAt":"2025-01-06T09:30:00+00:00"}"""),
        },
        ["getScoringScheme"] = new("One scoring scheme (评分方案) with its settings, the years that use it and whether it is locked. The ETag is its version.")
        {
            Parameters = new Dictionary<string, ParameterDoc> { ["id"] = Id("scoring scheme") },
            ResponseDescription = "The scoring scheme.",
            ResponseExamples = One("default", "The default scheme", DefaultScheme),
        },
        ["updateScoringScheme"] = new("""
            Replaces a scheme's name, description and settings. Refused with 409 once a closed year uses it
            (closed years' scorecards must stay reproducible): create the next version instead. Scorecards of
            the years using it change on their next read. Needs If-Match.
            """)
        {
            Parameters = new Dictionary<string, ParameterDoc> { ["id"] = Id("scoring scheme") },
            RequestExamples = One("default", "Rename the default scheme", "{\"name\":\"默认评分方案 (财预〔2020〕10号)\",\"settings\":" + DefaultSettings + ",\"description\":\"Default whole-department scheme: execution weight 10, indicators 90, grade bands 90/80/60.\"}"),
            ResponseDescription = "The scheme as stored, with its new version.",
            ResponseExamples = One("default", "Updated", DefaultScheme.Replace("\"version\":1,\"updatedAt\"", "\"version\":2,\"updatedAt\"", StringComparison.Ordinal)),
        },

        // Budget adjustments (年中调增/调减).
        ["pushBudgetAdjustments"] = new("""
            Appends a batch of 1 to 10,000 budget adjustments (年中调增/调减) to the ledger, all or nothing,
            in one transaction, and answers the new totals of every line moved (adjusted = initial + Σ
            adjustments). Each adjustment names its line by id, or by department, year, expenditure class
            and funding source (and project); carries its document number (文号), reason, effective date, and
            its source system and item id (unique per source system: a repeat is 409). A decrease may not
            take a line's adjusted amount below its executed amount; a reversal is the exact opposite of an
            earlier adjustment on the same line. Every bad item is reported by index (`adjustments[3]`) and
            nothing is written (422). The year must exist and not be closed.

            Idempotent: send a unique Idempotency-Key; a retry with the same key and payload gets the stored
            response byte for byte (Idempotent-Replayed: true), including a stored 4xx.

            Trying the examples on the demo data: the first try records the adjustment (201); trying it again
            with the same Idempotency-Key replays that response, and with a new key but the same
            sourceItemId it is 409 (the item is already in the ledger): give a new sourceItemId to record
            another. 演示数据上试用示例：第一次入账（201）；同一 Idempotency-Key 再试返回已存的响应；换了
            Idempotency-Key 而 sourceItemId 不变则为 409（该条已入账），请换一个 sourceItemId。
            """)
        {
            RequestDescription = "The batch: 1 to 10,000 adjustments, applied in order.",
            RequestExamples = new Dictionary<string, Example>
            {
                ["byClass"] = new("商务局 2024: +50,000 元 operating, own-level funds", """{"adjustments":[{"departmentCode":"GXQ-SWJ","fiscalYear":2024,"amount":50000.00,"documentNumber":"新区财预〔2024〕18号","reason":"年中追加营商环境评价工作经费","effectiveDate":"2024-07-15","sourceSystem":"budget-platform","sourceItemId":"BP-2024-000123","lineId":null,"expenditureClass":"operating","fundingSource":"ownLevel","projectId":null,"reversesId":null}]}"""),
                ["byLine"] = new("商务局 2024: +20,000 元 on line 9 (personnel, own-level funds), by id", """{"adjustments":[{"departmentCode":"GXQ-SWJ","fiscalYear":2024,"amount":20000.00,"documentNumber":"新区财预〔2024〕25号","reason":"年中追加人员经费","effectiveDate":"2024-09-01","sourceSystem":"budget-platform","sourceItemId":"BP-2024-000207","lineId":9,"expenditureClass":null,"fundingSource":null,"projectId":null,"reversesId":null}]}"""),
            },
            ResponseType = typeof(PushedAdjustments),
            ResponseStatus = 201,
            ResponseDescription = "Created: every adjustment recorded and the new totals of every line moved (or, on a replay, the stored response).",
            ResponseExamples = One("byClass", "Line 10 of 商务局 moves from 164,700.00 to 214,700.00 元", """{"adjustments":[{"id":3,"lineId":10,"departmentCode":"GXQ-SWJ","fiscalYear":2024,"amount":50000.00,"documentNumber":"新区财预〔2024〕18号","reason":"年中追加营商环境评价工作经费","effectiveDate":"2024-07-15","sourceSystem":"budget-platform","sourceItemId":"BP-2024-000123","reversesId":null,"clientName":"demo-pusher","createdAt":"2025-01-06T09:30:00+00:00"}],"lines":[{"lineId":10,"departmentCode":"GXQ-SWJ","fiscalYear":2024,"initialAmount":164700.00,"adjustmentTotal":50000.00,"adjustedAmount":214700.00,"executedAmount":164700.00}]}"""),
            IdempotencyKey = true,
        },
        ["listBudgetAdjustments"] = new("The adjustment ledger (年中调增/调减) in append order, keyset-paged, filtered by department, year, source system and effective date.")
        {
            Parameters = new Dictionary<string, ParameterDoc>
            {
                ["departmentCode"] = new("Only this department's adjustments, e.g. `GXQ-GYYQ`."),
                ["fiscalYear"] = new("Only this fiscal year's adjustments, e.g. `2024`."),
                ["sourceSystem"] = new("Only adjustments pushed by this source system, e.g. `budget-platform`."),
                ["effectiveFrom"] = new("Only adjustments effective on or after this date, e.g. `2024-01-01`."),
                ["effectiveTo"] = new("Only adjustments effective on or before this date, e.g. `2024-12-31`."),
            },
            ResponseDescription = "A page of the ledger.",
            ResponseExamples = One("gyyq", "工业园区管理办公室's first 2024 adjustment (+900 万元)", "{\"items\":[" + Adjustment + "],\"nextCursor\":\"MQ\"}"),
        },
        ["getBudgetAdjustment"] = new("One entry of the adjustment ledger.")
        {
            Parameters = new Dictionary<string, ParameterDoc> { ["id"] = Id("adjustment") },
            ResponseDescription = "The adjustment.",
            ResponseExamples = One("gyyq", "+9,000,000.00 元 to line 6", Adjustment),
        },

        // Report imports (报告导入).
        // The words are the endpoints' own (WithDescription, in Chinese and English).
        ["uploadReport"] = new("")
        {
            RequestDescription = "The report file, as the raw body or as a form's one file field.",
            RequestContent = new Dictionary<string, FileContent>
            {
                ["text/plain"] = new("The report as UTF-8 text (a BOM is dropped; other encodings are refused).", Binary: false, "部门单位整体支出绩效自评报告\n(2024年度)\n部门单位名称(公章): 乌鲁木齐高新技术产业开发区(乌鲁木齐市新市区)工业园区管理办公室\n…"),
                ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"] = new("The report as a Word document (.docx).", Binary: true),
                ["application/pdf"] = new("The report as a PDF with text (a scanned PDF has none).", Binary: true),
                ["multipart/form-data"] = new("One file field holding the report, its part typed as one of the above.", Binary: true),
            },
            ResponseDescription = "Created: the stored draft; Location names it.",
            ResponseExamples = One("gyyq", "工业园区管理办公室's 2024 report, shortened", "{\"id\":1," + ImportFields + ",\"draft\":" + ImportDraft + ",\"committedBy\":null}"),
        },
        ["listReportImports"] = new("")
        {
            ResponseDescription = "A page of uploaded reports.",
            ResponseExamples = One("gyyq", "One uploaded report", "{\"items\":[{\"id\":1," + ImportFields + "}],\"nextCursor\":null}"),
        },
        ["getReportImport"] = new("")
        {
            Parameters = new Dictionary<string, ParameterDoc> { ["id"] = Id("uploaded report") },
            ResponseDescription = "The uploaded report and its draft.",
            ResponseExamples = One("gyyq", "工业园区管理办公室's 2024 report, shortened", "{\"id\":1," + ImportFields + ",\"draft\":" + ImportDraft + ",\"committedBy\":null}"),
        },
        ["correctReportImport"] = new("")
        {
            Parameters = new Dictionary<string, ParameterDoc> { ["id"] = Id("uploaded report") },
            RequestExamples = One("operator", "The reviewer states indicator 2's operator, which the report did not print", "{\"fields\":{\"indicators[1].operator\":\"atLeast\"}}"),
            ResponseDescription = "The import with its corrected draft; the ETag is its new version.",
            ResponseExamples = One("gyyq", "工业园区管理办公室's 2024 report, corrected once", "{\"id\":1," + ImportFields.Replace("\"version\":1", "\"version\":2", StringComparison.Ordinal) + ",\"draft\":" + ImportDraft + ",\"committedBy\":null}"),
        },
        ["commitReportImport"] = new("")
        {
            Parameters = new Dictionary<string, ParameterDoc>
            {
                ["id"] = Id("uploaded report"),
                ["replace"] = new("true: replace the department-year's existing data with the report's; without it, existing data is 409.") { Default = "false" },
            },
            ResponseDescription = "The department-year's scorecard as committed.",
            ResponseExamples = One("gyyq", "工业园区管理办公室 2024: composite 99.48, 优", Scorecard),
        },

        // Year views (年度汇总).
        ["listYearScorecards"] = new("""
            The ranking of a year: every department's composite (综合得分), grade (评价结果), execution rate
            (预算执行率) and score, budget totals and finding counts, computed from the current data, filtered
            and sorted; ties broken by department code; departments without a composite sort last. `rank` is
            the place in the whole filtered ranking. The filters have no prefilled value: without them the
            whole year is ranked (every department of the demo data).
            """)
        {
            Parameters = new Dictionary<string, ParameterDoc>
            {
                ["region"] = new("Only departments of this region (所属区域), e.g. `高新区（新市区）`."),
                ["grade"] = new("Only departments with this grade, e.g. `excellent`.") { EnumType = typeof(Grade) },
                ["minComposite"] = new("Only composites ≥ this (points), e.g. `90`."),
                ["maxComposite"] = new("Only composites ≤ this (points); not below minComposite, e.g. `100`."),
                ["hasFindings"] = new("true: only departments with findings; false: only those without."),
                ["search"] = new("Only departments whose name or code contains this text (名称或编码包含; Latin letters in any case), e.g. `商务局`."),
                ["sort"] = new("Sort key (default composite).") { EnumType = typeof(ScorecardSort), Example = "\"composite\"" },
                ["order"] = new("`desc` or `asc`; default: desc for composite and executionRate, asc for name.") { Values = ["asc", "desc"], Example = "\"desc\"" },
                ["includeTotal"] = new("true: also count the whole filtered ranking (`total`).") { Default = "false", Example = "true" },
            },
            ResponseDescription = "A page of the ranking.",
            ResponseExamples = One("demo", "The three 2024 reports", "{\"items\":[{\"rank\":1,\"scorecard\":" + ScorecardRowCyfwzx + "},{\"rank\":2,\"scorecard\":" + ScorecardRowGyyq + "},{\"rank\":3,\"scorecard\":" + ScorecardRowSwj + "}],\"nextCursor\":null,\"total\":3}"),
        },
        ["getYearSummary"] = new("""
            A year at a glance: how many departments got each grade (优/良/中/差), average, minimum, quartiles
            (QUARTILE.INC) and maximum of the composite scores and execution rates (2 decimals, 四舍五入), and
            how many departments have errors; overall and by region.
            """)
        {
            ResponseDescription = "The year's summary.",
            ResponseExamples = One("demo", "2024: 2 优, 1 良", "{\"year\":2024,\"overall\":" + SummaryFigures + ",\"byRegion\":[{\"region\":\"高新区（新市区）\",\"figures\":" + SummaryFigures + "}]}"),
        },
        ["listYearFindings"] = new("""
            Every finding of the year across departments, by department code and then as each scorecard lists
            them, filtered by finding code, severity and region, keyset-paged. Messages follow Accept-Language.
            """)
        {
            Parameters = new Dictionary<string, ParameterDoc>
            {
                ["code"] = new("Only findings with this code (see FindingResponse.code), e.g. `BUDGET_CLASS_SPLIT`."),
                ["severity"] = new("Only findings of this severity, e.g. `error`.") { EnumType = typeof(FindingSeverity) },
                ["region"] = new("Only departments of this region (所属区域), e.g. `高新区（新市区）`."),
            },
            ResponseDescription = "A page of findings.",
            ResponseExamples = One("errors", "000's basic + project ≠ expenditure total (severity=error)", """{"items":[{"departmentCode":"GXQ-GYYQ","departmentName":"乌鲁木齐高新技术产业开发区(乌鲁木齐市新市区)工业园区管理办公室","region":"高新区（新市区）","code":"BUDGET_CLASS_SPLIT","severity":"error","subject":"budget","figures":{"basicExpenditure":3368000,"projectExpenditure":33247500,"sum":36615500,"expenditureTotal":38615500},"message":"申报基本支出 3368000 元 + 项目支出 33247500 元 = 36615500 元，与申报支出总额 38615500 元 不一致"}],"nextCursor":"R1hRLUdZWVEBMA"}"""),
            AcceptLanguage = true,
        },
        ["exportYear"] = new("""
            The whole year as one file, streamed: one row per department (scorecards), indicator, budget line
            or ledger entry (adjustments). CSV is UTF-8 with BOM and Chinese headers (opens in Excel as is),
            XLSX one sheet with numeric cells, NDJSON one JSON object per line as the API writes it. The file
            name is perfeval-{year}-{dataset}.{format} (Content-Disposition). A client limited to some
            regions gets only their departments.
            """)
        {
            Parameters = new Dictionary<string, ParameterDoc>
            {
                ["format"] = new("File format: `csv` (default), `xlsx` or `ndjson`.") { Values = ["csv", "xlsx", "ndjson"], Default = "\"csv\"", Example = "\"csv\"" },
                ["dataset"] = new("What the rows are: `scorecards` (default), `indicators`, `budget-lines` or `adjustments`.") { Values = ["scorecards", "indicators", "budget-lines", "adjustments"], Default = "\"scorecards\"", Example = "\"scorecards\"" },
            },
            ResponseDescription = "The file (Content-Disposition: attachment).",
            ResponseContent = new Dictionary<string, FileContent>
            {
                ["text/csv"] = new("CSV, UTF-8 with BOM, RFC 4180 quoting.", Binary: false),
                ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"] = new("XLSX workbook, one sheet.", Binary: true),
                ["application/x-ndjson"] = new("One JSON object per line.", Binary: false),
            },
        },

        // Changes and audit.
        ["listChanges"] = new("""
            The change feed: every committed change (department, fiscal year, budget line, adjustment,
            project, indicator, evaluation, scoring scheme) in commit order. Store `nextCursor` and pass it
            back as `after`: a consumer sees every change exactly once, even while writes commit
            concurrently. `nextCursor` is always set, also when nothing new has come.
            """)
        {
            Parameters = new Dictionary<string, ParameterDoc>
            {
                ["after"] = new("Resume after this cursor (a previous page's `nextCursor`); omit to start from the beginning."),
                ["entityType"] = new("Only changes of this entity type: department, fiscalYear, budgetLine, budgetAdjustment, project, indicator, evaluation, scoringScheme or scorecard (a department-year's computed scorecard, key `CODE/YEAR`: it changes whenever a write changes one of its figures or findings).")
                {
                    Values = ["department", "fiscalYear", "budgetLine", "budgetAdjustment", "project", "indicator", "evaluation", "scoringScheme", "scorecard"],
                },
                ["limit"] = new("Page size, 1–1000 (default 500).") { Minimum = "1", Maximum = "1000", Default = "500", Example = "500" },
            },
            ResponseDescription = "A page of the feed.",
            ResponseExamples = One("start", "The first changes of the demo data", """{"items":[{"position":1,"entityType":"fiscalYear","entityKey":"2024","departmentCode":null,"version":1,"operation":"created","changedAt":"2025-01-06T09:30:00+00:00"},{"position":2,"entityType":"department","entityKey":"GXQ-GYYQ","departmentCode":"GXQ-GYYQ","version":1,"operation":"created","changedAt":"2025-01-06T09:30:00+00:00"}],"nextCursor":"Mg","hasMore":true}"""),
        },
        ["listAuditEvents"] = new("The audit log of every write, newest first, keyset-paged: who (client), when, under which request id (traceId), which command, about what, and what it sent.")
        {
            Parameters = new Dictionary<string, ParameterDoc>
            {
                ["clientName"] = new("Only writes of this client, e.g. `demo-pusher`."),
                ["action"] = new("Only this command, e.g. `SaveEvaluation`, `PushBudgetAdjustments`, `UpdateDepartment`."),
                ["from"] = new("Only writes at or after this time, e.g. `2024-07-01T00:00:00+08:00`."),
                ["to"] = new("Only writes before this time, e.g. `2025-01-01T00:00:00+08:00`."),
            },
            ResponseDescription = "A page of the audit log.",
            ResponseExamples = One("push", "The demo pusher's adjustment", """{"items":[{"id":52,"occurredAt":"2025-01-06T09:30:00+00:00","clientName":"demo-pusher","requestId":"0HNQ83OFMG9D3:00000001","action":"PushBudgetAdjustments","entityKey":null,"changes":"{\"adjustments\":1,\"netAmount\":50000.00,\"firstId\":12,\"lastId\":12,\"sourceSystems\":[\"budget-platform\"],\"lines\":[7],\"recordedAt\":\"2025-01-06T09:30:00+00:00\"}"}],"nextCursor":"NTI"}"""),
        },
    };
}
