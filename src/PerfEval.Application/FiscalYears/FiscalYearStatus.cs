namespace PerfEval.Application.FiscalYears;

/// <summary>A fiscal year moves forward only: open → evaluation → closed.</summary>
public enum FiscalYearStatus
{
    /// <summary>Budget and mid-year monitoring.</summary>
    Open,
    /// <summary>The self-evaluation is being filled in.</summary>
    Evaluation,
    /// <summary>Locked: every write to the year's data is refused.</summary>
    Closed,
}
