namespace PerfEval.Application.Evaluations;

/// <summary>评价结果.</summary>
public enum Grade
{
    /// <summary>优: composite ≥ 90 (default scheme).</summary>
    Excellent,
    /// <summary>良: composite ≥ 80.</summary>
    Good,
    /// <summary>中: composite ≥ 60.</summary>
    Fair,
    /// <summary>差: composite below 60.</summary>
    Poor,
}

/// <summary>A grade's words: the Chinese label people read (优/良/中/差) and its English word.</summary>
public static class GradeLabels
{
    /// <summary>The grade as a Chinese reader writes it (优/良/中/差).</summary>
    public static string Zh(Grade grade) => grade switch
    {
        Grade.Excellent => "优",
        Grade.Good => "良",
        Grade.Fair => "中",
        _ => "差",
    };

    /// <summary>The grade in English.</summary>
    public static string En(Grade grade) => grade switch
    {
        Grade.Excellent => "excellent",
        Grade.Good => "good",
        Grade.Fair => "fair",
        _ => "poor",
    };
}
