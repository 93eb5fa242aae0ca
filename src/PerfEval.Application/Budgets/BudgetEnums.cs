namespace PerfEval.Application.Budgets;

/// <summary>支出分类: basic expenditure (人员经费 personnel, 公用经费 operating) or 项目支出 project.</summary>
public enum ExpenditureClass
{
    Personnel,
    Operating,
    Project,
}

/// <summary>资金来源.</summary>
public enum FundingSource
{
    /// <summary>上级资金</summary>
    Superior,
    /// <summary>本级资金 (本级财力)</summary>
    OwnLevel,
    /// <summary>其他资金</summary>
    Other,
}
