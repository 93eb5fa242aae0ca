namespace PerfEval.Application.Budgets;

/// <summary>支出分类: basic expenditure (人员经费 personnel, 公用经费 operating) or 项目支出 project.</summary>
public enum ExpenditureClass
{
    /// <summary>人员经费 personnel (basic expenditure 基本支出).</summary>
    Personnel,
    /// <summary>公用经费 operating (basic expenditure 基本支出).</summary>
    Operating,
    /// <summary>项目支出 project expenditure; such a line may name its project.</summary>
    Project,
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
}
