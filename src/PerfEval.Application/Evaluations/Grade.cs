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

/// <summary>A grade's words: the Chinese label people read (优/良/中/差) and its English word.</summary>
public static class GradeLabels
{
    public static string Zh(Grade grade) => grade switch
    {
        Grade.Excellent => "优",
        Grade.Good => "良",
        Grade.Fair => "中",
        _ => "差",
    };

    public static string En(Grade grade) => grade switch
    {
        Grade.Excellent => "excellent",
        Grade.Good => "good",
        Grade.Fair => "fair",
        _ => "poor",
    };
}
