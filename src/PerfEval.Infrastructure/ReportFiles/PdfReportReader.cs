using PerfEval.Application.ReportImports;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Exceptions;

namespace PerfEval.Infrastructure.ReportFiles;

/// <summary>
/// The text of a PDF, one line a paragraph, in reading order: letters grouped into lines by their
/// baseline, lines top to bottom, letters left to right. A line that stops mid-sentence is joined to
/// the next by the text reader, as a broken paragraph of a text report is. A scanned PDF has no
/// letters and so reads as no report.
/// </summary>
internal static class PdfReportReader
{
    public static ReportDocument Read(ReadOnlyMemory<byte> content, ReportImportLimits limits)
    {
        if (!FileSignatures.IsPdf(content.Span))
        {
            throw new ReportFileRejectedException(ReportFileProblem.UnsupportedType, "The file is not a PDF.");
        }

        try
        {
            using var pdf = PdfDocument.Open(content.ToArray(), new ParsingOptions { UseLenientParsing = false });
            if (pdf.NumberOfPages > limits.MaxPages)
            {
                throw new ReportFileRejectedException(ReportFileProblem.TooManyPages, $"The PDF has {pdf.NumberOfPages} pages; at most {limits.MaxPages} are read.");
            }

            var builder = new ReportDocumentBuilder(ReportSourceKind.Pdf);
            foreach (var page in pdf.GetPages())
            {
                foreach (var line in LinesOf(page))
                {
                    builder.AddParagraph(line);
                    if (builder.ParagraphCount > limits.MaxParagraphs)
                    {
                        throw new ReportFileRejectedException(ReportFileProblem.TooMuchText, $"The PDF has more than {limits.MaxParagraphs} lines.");
                    }
                }
            }

            return builder.Build();
        }
        catch (PdfDocumentEncryptedException e)
        {
            throw new ReportFileRejectedException(ReportFileProblem.Encrypted, "The PDF is password-protected; send it without a password.", e);
        }
        catch (Exception e) when (e is not ReportFileRejectedException and not OutOfMemoryException and not OperationCanceledException)
        // A hostile or broken PDF makes the parser throw all manner of exceptions from deep inside it;
        // each one means the same to the sender: the file cannot be read.
        {
            throw new ReportFileRejectedException(ReportFileProblem.Malformed, "The PDF is damaged: " + e.Message, e);
        }
    }

    private static IEnumerable<string> LinesOf(Page page)
    {
        var letters = page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)).OrderByDescending(l => l.StartBaseLine.Y).ToList();
        var lines = new List<List<Letter>>();
        foreach (var letter in letters)
        {
            // A letter belongs to the current line when its baseline is within half its size of the line's.
            var tolerance = Math.Max(1.0, letter.PointSize * 0.5);
            if (lines.Count > 0 && Math.Abs(lines[^1][0].StartBaseLine.Y - letter.StartBaseLine.Y) <= tolerance)
            {
                lines[^1].Add(letter);
            }
            else
            {
                lines.Add([letter]);
            }
        }

        return lines.Select(line => string.Concat(line.OrderBy(l => l.StartBaseLine.X).Select(l => l.Value)));
    }
}
