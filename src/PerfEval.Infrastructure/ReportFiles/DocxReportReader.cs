using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PerfEval.Application.ReportImports;

namespace PerfEval.Infrastructure.ReportFiles;

/// <summary>
/// Paragraphs and tables of a Word file, in document order. Before Open XML parses anything, every
/// part is inflated once into nothing, counting: a part (or the whole) that inflates past the limits
/// is a zip bomb and is refused, whatever sizes the ZIP directory claims.
/// </summary>
internal static class DocxReportReader
{
    public static ReportDocument Read(ReadOnlyMemory<byte> content, ReportImportLimits limits)
    {
        var bytes = content.Span;
        if (FileSignatures.IsEncryptedOffice(bytes))
        {
            throw new ReportFileRejectedException(ReportFileProblem.Encrypted, "The Word file is password-protected; save it without a password and send it again.");
        }

        if (!FileSignatures.IsZip(bytes))
        {
            throw new ReportFileRejectedException(ReportFileProblem.UnsupportedType,
                FileSignatures.IsCompoundFile(bytes) ? "The file is a legacy Word file (.doc); save it as .docx." : "The file is not a Word (.docx) file.");
        }

        var array = content.ToArray();
        CheckInflation(array, limits);
        try
        {
            using var stream = new MemoryStream(array, writable: false);
            using var word = WordprocessingDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = limits.MaxInflatedBytes });
            var body = word.MainDocumentPart?.Document?.Body
                ?? throw new ReportFileRejectedException(ReportFileProblem.Malformed, "The Word file has no document body.");
            var builder = new ReportDocumentBuilder(ReportSourceKind.Docx);
            AddBlocks(builder, body, limits);
            return builder.Build();
        }
        catch (Exception e) when (e is not ReportFileRejectedException and not OutOfMemoryException and not OperationCanceledException)
        // Open XML and System.IO.Packaging throw many kinds of exceptions for a broken package; to the
        // sender each means the same: the file cannot be read.
        {
            throw new ReportFileRejectedException(ReportFileProblem.Malformed, "The Word file is damaged: " + e.Message, e);
        }
    }

    private static void CheckInflation(byte[] array, ReportImportLimits limits)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(array, writable: false), ZipArchiveMode.Read);
            var buffer = new byte[81920];
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                if (entry.CompressedLength > 0 && entry.Length / entry.CompressedLength > limits.MaxCompressionRatio)
                {
                    throw Bomb(entry.FullName);
                }

                using var part = entry.Open();
                long inflated = 0;
                int read;
                while ((read = part.Read(buffer, 0, buffer.Length)) > 0)
                {
                    inflated += read;
                    total += read;
                    if (total > limits.MaxInflatedBytes || (inflated > 1024 * 1024 && inflated / Math.Max(1, entry.CompressedLength) > limits.MaxCompressionRatio))
                    {
                        throw Bomb(entry.FullName);
                    }
                }
            }
        }
        catch (InvalidDataException e)
        {
            throw new ReportFileRejectedException(ReportFileProblem.Malformed, "The Word file is not a valid ZIP package: " + e.Message, e);
        }

        ReportFileRejectedException Bomb(string part) => new(ReportFileProblem.InflatesTooFar,
            $"The Word file inflates past the limits ({limits.MaxInflatedBytes} bytes in all, {limits.MaxCompressionRatio}:1 per part) at '{part}'.");
    }

    private static void AddBlocks(ReportDocumentBuilder builder, OpenXmlElement container, ReportImportLimits limits)
    {
        foreach (var element in container.ChildElements)
        {
            if (builder.ParagraphCount > limits.MaxParagraphs)
            {
                throw new ReportFileRejectedException(ReportFileProblem.TooMuchText, $"The Word file has more than {limits.MaxParagraphs} paragraphs.");
            }

            switch (element)
            {
                case Paragraph paragraph:
                    builder.AddParagraph(TextOf(paragraph));
                    break;
                case Table table:
                    builder.AddTable(RowsOf(table));
                    break;
                case SdtBlock or CustomXmlBlock:
                    AddBlocks(builder, element.Elements<SdtContentBlock>().FirstOrDefault() ?? element, limits);
                    break;
            }
        }
    }

    /// <summary>A table's rows; a cell spanning columns fills them (text in the first), a vertically merged continuation is null.</summary>
    private static List<IReadOnlyList<string?>> RowsOf(Table table)
    {
        var rows = new List<IReadOnlyList<string?>>();
        foreach (var row in table.Elements<TableRow>())
        {
            var cells = new List<string?>();
            foreach (var cell in row.Elements<TableCell>())
            {
                var properties = cell.TableCellProperties;
                var continues = properties?.VerticalMerge is { } merge && (merge.Val is null || merge.Val.Value == MergedCellValues.Continue);
                var text = string.Join("\n", cell.Descendants<Paragraph>().Select(TextOf).Where(t => t.Length > 0));
                cells.Add(continues && text.Length == 0 ? null : text);
                var span = properties?.GridSpan?.Val?.Value ?? 1;
                for (var i = 1; i < span; i++)
                {
                    cells.Add(string.Empty);
                }
            }

            rows.Add(cells);
        }

        return rows;
    }

    private static string TextOf(Paragraph paragraph) => string.Concat(paragraph.Descendants().Select(e => e switch
    {
        Text text => text.Text,
        TabChar => "\t",
        Break or CarriageReturn => " ",
        _ => string.Empty,
    }));
}
