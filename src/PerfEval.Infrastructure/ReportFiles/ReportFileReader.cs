using System.Net.Http.Headers;
using System.Text;
using PerfEval.Application.ReportImports;

namespace PerfEval.Infrastructure.ReportFiles;

/// <summary>
/// Reads an uploaded report by its content type, after checking that the bytes are what the type says
/// (a PDF sent as text, or a ZIP that is not a Word file, is refused as the wrong type, not misread).
/// </summary>
internal sealed class ReportFileReader(ReportImportLimits limits) : IReportFileReader
{
    public ReportDocument Read(ReadOnlyMemory<byte> content, string contentType)
    {
        if (content.Length > limits.MaxBytes)
        {
            throw new ReportFileRejectedException(ReportFileProblem.TooLarge,
                $"The file is {content.Length} bytes; at most {limits.MaxBytes} are read.");
        }

        var document = MediaTypeOf(contentType) switch
        {
            ReportContentTypes.Text => ReadText(content.Span),
            ReportContentTypes.Docx => DocxReportReader.Read(content, limits),
            ReportContentTypes.Pdf => PdfReportReader.Read(content, limits),
            var other => throw new ReportFileRejectedException(ReportFileProblem.UnsupportedType,
                $"'{other}' is not a report type: send text/plain (UTF-8), a Word file (.docx) or a PDF."),
        };

        if (document.Text.Length > limits.MaxCharacters || document.Blocks.Count > limits.MaxParagraphs)
        {
            throw new ReportFileRejectedException(ReportFileProblem.TooMuchText,
                $"The file holds more text than a report: at most {limits.MaxCharacters} characters and {limits.MaxParagraphs} paragraphs are read.");
        }

        return document;
    }

    private static string MediaTypeOf(string contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed) && parsed.MediaType is { } media
            ? media.ToLowerInvariant()
            : contentType.Trim().ToLowerInvariant();

    private static ReportDocument ReadText(ReadOnlySpan<byte> bytes)
    {
        if (FileSignatures.IsZip(bytes) || FileSignatures.IsPdf(bytes) || FileSignatures.IsCompoundFile(bytes) || bytes.Contains((byte)0))
        {
            throw new ReportFileRejectedException(ReportFileProblem.UnsupportedType, "The file is sent as text but is a binary file.");
        }

        if (bytes.StartsWith("\xEF\xBB\xBF"u8))
        {
            bytes = bytes[3..];
        }

        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new ReportFileRejectedException(ReportFileProblem.Malformed, "The text is not valid UTF-8 (GBK and other encodings are not read).", e);
        }

        return ReportDocument.FromText(text);
    }
}

/// <summary>The first bytes that say what a file is, whatever it is called.</summary>
internal static class FileSignatures
{
    public static bool IsZip(ReadOnlySpan<byte> bytes) => bytes.StartsWith("PK\x03\x04"u8);

    /// <summary>"%PDF-" within the first KiB, as readers accept it.</summary>
    public static bool IsPdf(ReadOnlySpan<byte> bytes) => bytes[..Math.Min(bytes.Length, 1024)].IndexOf("%PDF-"u8) >= 0;

    /// <summary>An OLE compound file: a legacy .doc, or a password-protected Word file (which Word stores this way).</summary>
    public static bool IsCompoundFile(ReadOnlySpan<byte> bytes) => bytes.StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 });

    /// <summary>An encrypted Office file is a compound file with an "EncryptionInfo" stream (its name in UTF-16).</summary>
    public static bool IsEncryptedOffice(ReadOnlySpan<byte> bytes) =>
        IsCompoundFile(bytes) && bytes.IndexOf(Encoding.Unicode.GetBytes("EncryptionInfo")) >= 0;
}
