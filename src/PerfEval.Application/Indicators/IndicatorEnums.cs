namespace PerfEval.Application.Indicators;

/// <summary>一级指标.</summary>
public enum IndicatorCategory
{
    /// <summary>产出指标</summary>
    Output,
    /// <summary>效益指标</summary>
    Effect,
    /// <summary>满意度指标</summary>
    Satisfaction,
    /// <summary>Not stated (未注明): the report does not give the level-1 category; never guessed.</summary>
    Unstated,
}

/// <summary>二级指标.</summary>
public enum IndicatorSubcategory
{
    /// <summary>数量指标</summary>
    Quantity,
    /// <summary>质量指标</summary>
    Quality,
    /// <summary>时效指标</summary>
    Timeliness,
    /// <summary>成本指标</summary>
    Cost,
    /// <summary>经济效益指标</summary>
    EconomicBenefit,
    /// <summary>社会效益指标</summary>
    SocialBenefit,
    /// <summary>生态效益指标</summary>
    EcologicalBenefit,
    /// <summary>可持续影响指标</summary>
    SustainableBenefit,
    /// <summary>服务对象满意度指标</summary>
    ServiceRecipientSatisfaction,
    /// <summary>Not stated (未注明): the report does not give the level-2 category; never guessed.</summary>
    Unstated,
}

/// <summary>定量 quantitative or 定性 qualitative.</summary>
public enum IndicatorKind
{
    Quantitative,
    Qualitative,
}

/// <summary>The comparison a quantitative target is stated with.</summary>
public enum ComparisonOperator
{
    /// <summary>≥: positive indicator, more is better.</summary>
    AtLeast,
    /// <summary>≤: reverse indicator (e.g. cost), less is better.</summary>
    AtMost,
    /// <summary>=: scored as ≥; missing the exact target is also a finding.</summary>
    Equal,
}

/// <summary>Qualitative tier recorded by the evaluator.</summary>
public enum QualitativeTier
{
    /// <summary>达成: score in [0.8w, w]</summary>
    Achieved,
    /// <summary>部分达成: score in [0.6w, 0.8w)</summary>
    PartiallyAchieved,
    /// <summary>未达成: score in [0, 0.6w)</summary>
    NotAchieved,
}
