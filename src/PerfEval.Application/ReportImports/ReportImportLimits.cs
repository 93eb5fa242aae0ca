namespace PerfEval.Application.ReportImports;

/// <summary>
/// How much of a file the readers will look at before refusing it. A report is a few dozen pages of
/// text: the defaults leave a wide margin above that and stop a hostile file long before it costs
/// real memory or time.
/// </summary>
/// <param name="MaxBytes">The file as uploaded (default 10 MiB).</param>
/// <param name="MaxInflatedBytes">A Word file's parts once decompressed, all together (default 64 MiB): a zip bomb stops here.</param>
/// <param name="MaxCompressionRatio">Any one Word part's inflated size over its compressed size (default 200; XML rarely passes 20).</param>
/// <param name="MaxPages">PDF pages (default 300).</param>
/// <param name="MaxParagraphs">Paragraphs, PDF lines and table rows together (default 20,000).</param>
/// <param name="MaxCharacters">Characters of extracted text (default 1,000,000; a report is some 20,000).</param>
public sealed record ReportImportLimits(
    long MaxBytes = 10 * 1024 * 1024,
    long MaxInflatedBytes = 64 * 1024 * 1024,
    int MaxCompressionRatio = 200,
    int MaxPages = 300,
    int MaxParagraphs = 20_000,
    int MaxCharacters = 1_000_000)
{
    public static ReportImportLimits Default { get; } = new();
}
