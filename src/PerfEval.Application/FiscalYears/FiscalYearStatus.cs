namespace PerfEval.Application.FiscalYears;

/// <summary>A fiscal year moves forward only: open → evaluation → closed.</summary>
public enum FiscalYearStatus
{
    /// <summary>开放: budget and mid-year monitoring.</summary>
    Open,
    /// <summary>自评: the self-evaluation is being filled in.</summary>
    Evaluation,
    /// <summary>已关闭: locked; every write to the year's data is refused (409).</summary>
    Closed,
}
