namespace PerfEval.Application.ReportImports;

/// <summary>
/// Turns an uploaded file into a <see cref="ReportDocument"/>: UTF-8 text, Word (.docx) or PDF,
/// within <see cref="ReportImportLimits"/>. Throws <see cref="ReportFileRejectedException"/> for
/// anything it cannot or will not read.
/// </summary>
public interface IReportFileReader
{
    ReportDocument Read(ReadOnlyMemory<byte> content, string contentType);
}

/// <summary>The content types a report may be sent as.</summary>
public static class ReportContentTypes
{
    public const string Text = "text/plain";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Pdf = "application/pdf";
}
