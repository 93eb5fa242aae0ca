namespace PerfEval.Application.ReportImports;

/// <summary>Why a file cannot be read as a report; each maps to its own 4xx problem.</summary>
public enum ReportFileProblem
{
    /// <summary>The content type is not one the readers take, or the bytes are not what it says (415).</summary>
    UnsupportedType,
    /// <summary>The file is larger than <see cref="ReportImportLimits.MaxBytes"/> (413).</summary>
    TooLarge,
    /// <summary>A Word file inflates past the limits: a zip bomb or something like it (413).</summary>
    InflatesTooFar,
    /// <summary>More pages than <see cref="ReportImportLimits.MaxPages"/> (413).</summary>
    TooManyPages,
    /// <summary>More paragraphs or characters than the limits (413).</summary>
    TooMuchText,
    /// <summary>The file is password-protected or encrypted (422).</summary>
    Encrypted,
    /// <summary>The file is damaged or not valid for its type (422).</summary>
    Malformed,
    /// <summary>The file reads, but nothing in it is recognisable as a self-evaluation report (422).</summary>
    NotAReport,
}

/// <summary>A file refused before or while reading it; nothing is drafted from it.</summary>
public sealed class ReportFileRejectedException(ReportFileProblem problem, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public ReportFileProblem Problem { get; } = problem;
}
