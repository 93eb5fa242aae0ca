using System.Data.Common;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using PerfEval.Application.Common;

namespace PerfEval.Application.Exports;

/// <summary>A column of a CSV or XLSX export: its Chinese header and its value in a row (text, a number, a date or null).</summary>
internal sealed record ExportColumn<TRow>(string Header, Func<TRow, object?> Value);

/// <summary>Writes a dataset's rows in one format, row by row, to the output as they are read.</summary>
internal static class ExportTable
{
    public static async Task WriteAsync<TRow>(
        ExportFormat format, Stream output, string sheetName, IReadOnlyList<ExportColumn<TRow>> columns, IAsyncEnumerable<TRow> rows, CancellationToken ct)
    {
        var buffer = new ExportBuffer(output);
        using TableWriter<TRow> table = format switch
        {
            ExportFormat.Csv => new CsvTable<TRow>(buffer, columns),
            ExportFormat.Xlsx => new XlsxTable<TRow>(buffer, sheetName, columns),
            _ => new NdjsonTable<TRow>(buffer),
        };
        try
        {
            await foreach (var row in rows.WithCancellation(ct))
            {
                table.Write(row);
                await buffer.SendWhenFullAsync(ct);
            }
        }
        catch (DbException ex) when (buffer.HasSent)
        {
            // Part of the file is on its way: retrying the unit of work would send the file again after it.
            throw new InvalidOperationException("The export stopped part-way through: the database failed.", ex);
        }

        table.Complete();
        await buffer.SendAsync(ct);
    }
}

/// <summary>
/// What the formats' synchronous writers (StreamWriter, ZipArchive, OpenXmlWriter, JsonSerializer)
/// write lands here, and goes to the output asynchronously (Kestrel refuses synchronous writes) once
/// 64 KB wait: the export holds about one send in memory. Not seekable, so the ZIP of an XLSX is
/// written front to back (each entry's sizes after its data) instead of being patched in place.
/// </summary>
internal sealed class ExportBuffer(Stream output) : Stream
{
    private const int SendSize = 64 * 1024;
    private readonly MemoryStream _pending = new();

    /// <summary>Part of the file has reached the output: the request can no longer be answered with an error.</summary>
    public bool HasSent { get; private set; }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public Task SendWhenFullAsync(CancellationToken ct) => _pending.Length >= SendSize ? SendPendingAsync(ct) : Task.CompletedTask;

    /// <summary>Sends the rest and flushes: the file is complete.</summary>
    public async Task SendAsync(CancellationToken ct)
    {
        await SendPendingAsync(ct);
        await output.FlushAsync(ct);
    }

    private async Task SendPendingAsync(CancellationToken ct)
    {
        if (_pending.Length > 0)
        {
            await output.WriteAsync(_pending.GetBuffer().AsMemory(0, (int)_pending.Length), ct);
            _pending.SetLength(0);
            HasSent = true;
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => _pending.Write(buffer, offset, count);

    public override void Write(ReadOnlySpan<byte> buffer) => _pending.Write(buffer);

    public override void WriteByte(byte value) => _pending.WriteByte(value);

    /// <summary>The writers flush as they finish; sending is <see cref="SendAsync"/>'s job.</summary>
    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}

internal abstract class TableWriter<TRow> : IDisposable
{
    public abstract void Write(TRow row);

    /// <summary>Writes what closes the file (an XLSX's sheet end and ZIP directory).</summary>
    public abstract void Complete();

    /// <summary>Releases the writers, whether or not the file was completed.</summary>
    public abstract void Dispose();

    /// <summary>Numbers are numbers in every format; everything else is text.</summary>
    protected static bool IsNumber(object? value) => value is decimal or int or long;

    /// <summary>Invariant culture, decimals exactly as held (1234.50 stays 1234.50), dates ISO, times in UTC.</summary>
    protected static string? Text(object? value) => value switch
    {
        null => null,
        string text => text,
        decimal number => number.ToString(CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset time => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}

/// <summary>RFC 4180: comma-separated, CRLF, fields with a comma, quote or line break quoted, quotes doubled.</summary>
internal sealed class CsvTable<TRow> : TableWriter<TRow>
{
    private readonly StreamWriter _writer;
    private readonly IReadOnlyList<ExportColumn<TRow>> _columns;

    public CsvTable(Stream output, IReadOnlyList<ExportColumn<TRow>> columns)
    {
        _columns = columns;
        // The BOM makes Excel read UTF-8 instead of the machine's code page (GBK on Chinese Windows).
        _writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024, leaveOpen: true) { NewLine = "\r\n" };
        for (var i = 0; i < columns.Count; i++)
        {
            Field(i, columns[i].Header);
        }

        _writer.WriteLine();
    }

    public override void Write(TRow row)
    {
        for (var i = 0; i < _columns.Count; i++)
        {
            Field(i, _columns[i].Value(row));
        }

        _writer.WriteLine();
    }

    public override void Complete() => _writer.Flush();

    public override void Dispose() => _writer.Dispose();

    private void Field(int index, object? value)
    {
        if (index > 0)
        {
            _writer.Write(',');
        }

        var text = Text(value);
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        // A text cell starting like a formula (=, +, -, @) would run as one in a spreadsheet (CSV injection).
        if (value is string && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }

        if (text.AsSpan().IndexOfAny("\",\r\n") < 0)
        {
            _writer.Write(text);
            return;
        }

        _writer.Write('"');
        _writer.Write(text.Replace("\"", "\"\"", StringComparison.Ordinal));
        _writer.Write('"');
    }
}

/// <summary>
/// A minimal workbook, one sheet, written front to back: the package parts by hand and the sheet with
/// OpenXmlWriter, one row at a time. (The SDK's own package keeps every part in memory until it is
/// saved, and refuses a write-only one.) Numbers are numeric cells; text is inline, so no shared
/// string table grows with the file.
/// </summary>
internal sealed class XlsxTable<TRow> : TableWriter<TRow>
{
    private const string ContentTypesXml = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>
        """;

    private const string PackageRelationshipsXml = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
        """;

    private const string WorkbookRelationshipsXml = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>
        """;

    private readonly ZipArchive _package;
    private readonly Stream _sheetPart;
    private readonly OpenXmlWriter _sheet;
    private readonly IReadOnlyList<ExportColumn<TRow>> _columns;
    private readonly string[] _columnNames;
    private uint _rowIndex;

    public XlsxTable(Stream output, string sheetName, IReadOnlyList<ExportColumn<TRow>> columns)
    {
        _columns = columns;
        _columnNames = [.. Enumerable.Range(0, columns.Count).Select(ColumnName)];
        _package = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        WritePart("[Content_Types].xml", ContentTypesXml);
        WritePart("_rels/.rels", PackageRelationshipsXml);
        WritePart("xl/_rels/workbook.xml.rels", WorkbookRelationshipsXml);
        using (var part = Entry("xl/workbook.xml"))
        using (var workbook = OpenXmlWriter.Create(part))
        {
            workbook.WriteStartDocument(true);
            workbook.WriteElement(new Workbook(new Sheets(new Sheet { Name = sheetName, SheetId = 1U, Id = "rId1" })));
        }

        _sheetPart = Entry("xl/worksheets/sheet1.xml");
        _sheet = OpenXmlWriter.Create(_sheetPart);
        _sheet.WriteStartDocument(true);
        _sheet.WriteStartElement(new Worksheet());
        // The header row stays in view while scrolling.
        _sheet.WriteElement(new SheetViews(new SheetView(
            new Pane { VerticalSplit = 1D, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen })
        { WorkbookViewId = 0U }));
        _sheet.WriteStartElement(new SheetData());
        WriteRow(columns.Select(c => (object?)c.Header));
    }

    public override void Write(TRow row) => WriteRow(_columns.Select(c => c.Value(row)));

    public override void Complete()
    {
        _sheet.WriteEndElement();
        _sheet.WriteEndElement();
        Dispose();
    }

    public override void Dispose()
    {
        // The writer leaves its stream open, and the ZIP takes its next entry (or writes its directory) only once the sheet's is closed.
        _sheet.Dispose();
        _sheetPart.Dispose();
        _package.Dispose();
    }

    private void WriteRow(IEnumerable<object?> values)
    {
        _rowIndex++;
        var row = _rowIndex.ToString(CultureInfo.InvariantCulture);
        _sheet.WriteStartElement(new Row { RowIndex = _rowIndex });
        var column = 0;
        foreach (var value in values)
        {
            // Empty cells are left out; each cell names its place, so the ones after stay in their columns.
            if (Text(value) is { Length: > 0 } text)
            {
                _sheet.WriteElement(IsNumber(value)
                    ? new Cell { CellReference = _columnNames[column] + row, DataType = CellValues.Number, CellValue = new CellValue(text) }
                    : new Cell { CellReference = _columnNames[column] + row, DataType = CellValues.InlineString, InlineString = new InlineString(InlineText(text)) });
            }

            column++;
        }

        _sheet.WriteEndElement();
    }

    private static Text InlineText(string text)
    {
        // Control characters other than tab and line breaks cannot be written in XML at all.
        if (text.Any(c => !XmlConvert.IsXmlChar(c) && !char.IsSurrogate(c)))
        {
            text = new string([.. text.Select(c => XmlConvert.IsXmlChar(c) || char.IsSurrogate(c) ? c : '\uFFFD')]);
        }

        return char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])
            ? new Text(text) { Space = SpaceProcessingModeValues.Preserve }
            : new Text(text);
    }

    /// <summary>A, B, …, Z, AA, AB, …</summary>
    private static string ColumnName(int index) => index < 26
        ? ((char)('A' + index)).ToString()
        : ColumnName((index / 26) - 1) + (char)('A' + (index % 26));

    private Stream Entry(string name) => _package.CreateEntry(name, CompressionLevel.Fastest).Open();

    private void WritePart(string name, string xml)
    {
        using var writer = new StreamWriter(Entry(name), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        writer.Write(xml);
    }
}

/// <summary>One JSON object per line, camelCase with enums as camelCase strings: what the API itself returns for the row.</summary>
internal sealed class NdjsonTable<TRow>(Stream output) : TableWriter<TRow>
{
    public override void Write(TRow row)
    {
        JsonSerializer.Serialize(output, row, JsonText.Options);
        output.WriteByte((byte)'\n');
    }

    public override void Complete()
    {
    }

    public override void Dispose()
    {
    }
}
