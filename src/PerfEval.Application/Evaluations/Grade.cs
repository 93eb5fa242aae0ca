namespace PerfEval.Application.Evaluations;

/// <summary>评价结果.</summary>
public enum Grade
{
    /// <summary>优</summary>
    Excellent,
    /// <summary>良</summary>
    Good,
    /// <summary>中</summary>
    Fair,
    /// <summary>差</summary>
    Poor,
}
