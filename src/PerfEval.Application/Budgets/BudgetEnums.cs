namespace PerfEval.Application.Budgets;

/// <summary>
/// 支出分类: basic expenditure (人员经费 personnel, 公用经费 operating) or 项目支出 project.
/// <see cref="Basic"/> is basic expenditure whose personnel / operating split is not stated (a report
/// that prints the split of the budget but not of the amount spent): the rules count it as basic
/// expenditure, in neither part.
/// </summary>
public enum ExpenditureClass
{
    /// <summary>人员经费 personnel (basic expenditure 基本支出).</summary>
    Personnel,
    /// <summary>公用经费 operating (basic expenditure 基本支出).</summary>
    Operating,
    /// <summary>项目支出 project expenditure; such a line may name its project.</summary>
    Project,
    /// <summary>基本支出, split into personnel and operating not stated.</summary>
    Basic,
}

/// <summary>资金来源.</summary>
public enum FundingSource
{
    /// <summary>上级资金 superior funds.</summary>
    Superior,
    /// <summary>本级资金 (本级财力) own-level funds.</summary>
    OwnLevel,
    /// <summary>其他资金 other funds.</summary>
    Other,
    /// <summary>Not stated (未注明): the report does not say which source pays for the line; never guessed.</summary>
    Unstated,
}
