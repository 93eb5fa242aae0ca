namespace PerfEval.Application.Indicators;

/// <summary>一级指标.</summary>
public enum IndicatorCategory
{
    /// <summary>产出指标 output.</summary>
    Output,
    /// <summary>效益指标 effect.</summary>
    Effect,
    /// <summary>满意度指标 satisfaction.</summary>
    Satisfaction,
    /// <summary>Not stated (未注明): the report does not give the level-1 category; never guessed.</summary>
    Unstated,
}

/// <summary>二级指标.</summary>
public enum IndicatorSubcategory
{
    /// <summary>数量指标 quantity.</summary>
    Quantity,
    /// <summary>质量指标 quality.</summary>
    Quality,
    /// <summary>时效指标 timeliness.</summary>
    Timeliness,
    /// <summary>成本指标 cost.</summary>
    Cost,
    /// <summary>经济效益指标 economic benefit.</summary>
    EconomicBenefit,
    /// <summary>社会效益指标 social benefit.</summary>
    SocialBenefit,
    /// <summary>生态效益指标 ecological benefit.</summary>
    EcologicalBenefit,
    /// <summary>可持续影响指标 sustainable impact.</summary>
    SustainableBenefit,
    /// <summary>服务对象满意度指标 service recipients' satisfaction.</summary>
    ServiceRecipientSatisfaction,
    /// <summary>Not stated (未注明): the report does not give the level-2 category; never guessed.</summary>
    Unstated,
}

/// <summary>定量 quantitative or 定性 qualitative.</summary>
public enum IndicatorKind
{
    /// <summary>定量: scored by rule from operator, target and final value.</summary>
    Quantitative,
    /// <summary>定性: the evaluator records a tier and a score.</summary>
    Qualitative,
}

/// <summary>The comparison a quantitative target is stated with.</summary>
public enum ComparisonOperator
{
    /// <summary>≥ positive indicator: completion = final / target × 100.</summary>
    AtLeast,
    /// <summary>≤ reverse indicator (e.g. cost): 100 when final ≤ target, else (1 − (final − target) / target) × 100, 0 at twice the target.</summary>
    AtMost,
    /// <summary>= scored as ≥; a final value other than the exact target is also a finding.</summary>
    Equal,
}

/// <summary>Qualitative tier recorded by the evaluator.</summary>
public enum QualitativeTier
{
    /// <summary>达成: score in [0.8w, w].</summary>
    Achieved,
    /// <summary>部分达成: score in [0.6w, 0.8w).</summary>
    PartiallyAchieved,
    /// <summary>未达成: score in [0, 0.6w).</summary>
    NotAchieved,
}
