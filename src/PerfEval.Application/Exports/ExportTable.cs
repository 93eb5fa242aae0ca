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

/// <summary>
/// A column of a CSV or XLSX export: its Chinese header, its value in a row (text, a number, a date,
/// an enum or null) and what kind of figure it holds, which sets the spreadsheet's number format.
/// </summary>
internal sealed record ExportColumn<TRow>(string Header, Func<TRow, object?> Value, ExportColumnKind Kind = ExportColumnKind.Auto);

/// <summary>What a column holds, and so how a spreadsheet shows it.</summary>
internal enum ExportColumnKind
{
    /// <summary>
    /// From the header and the value: "(元)" money, "(%)" a rate, 得分/分值/扣分/评分 a score; otherwise
    /// by the value's type (whole numbers, other decimals as written, dates, times, text).
    /// </summary>
    Auto,
    Text,
    /// <summary>Yuan: #,##0.00.</summary>
    Money,
    /// <summary>A percentage: 0.00.</summary>
    Rate,
    /// <summary>Points: 0.00.</summary>
    Score,
    /// <summary>A value as written (a target, a final value): General.</summary>
    Number,
    /// <summary>A count or an id: 0.</summary>
    Integer,
    /// <summary>A date cell, yyyy-mm-dd.</summary>
    Date,
    /// <summary>A date and time cell in UTC, yyyy-mm-dd hh:mm:ss.</summary>
    Timestamp,
    /// <summary>An enum: its Chinese label in this column and its API code (camelCase) in the next, headed "{header}代码".</summary>
    Label,
}

/// <summary>The columns as written: a label column becomes the label and its code; every other kind is resolved from the header.</summary>
internal sealed class ExportLayout<TRow>
{
    private readonly IReadOnlyList<ExportColumn<TRow>> _columns;

    public ExportLayout(IReadOnlyList<ExportColumn<TRow>> columns)
    {
        _columns = columns;
        var fields = new List<(string, ExportColumnKind)>();
        foreach (var column in columns)
        {
            if (column.Kind == ExportColumnKind.Label)
            {
                fields.Add((column.Header, ExportColumnKind.Text));
                fields.Add((column.Header + "代码", ExportColumnKind.Text));
            }
            else
            {
                fields.Add((column.Header, column.Kind == ExportColumnKind.Auto ? KindOf(column.Header) : column.Kind));
            }
        }

        Headers = [.. fields.Select(f => f.Item1)];
        Kinds = [.. fields.Select(f => f.Item2)];
    }

    public string[] Headers { get; }

    /// <summary>Per written column; <see cref="ExportColumnKind.Auto"/> where only the value's type can tell.</summary>
    public ExportColumnKind[] Kinds { get; }

    public object?[] Values(TRow row)
    {
        var values = new object?[Headers.Length];
        var i = 0;
        foreach (var column in _columns)
        {
            var value = column.Value(row);
            if (column.Kind == ExportColumnKind.Label)
            {
                var code = value as Enum;
                values[i++] = code is null ? value : ExportLabels.Of(code);
                values[i++] = code is null ? null : JsonNamingPolicy.CamelCase.ConvertName(code.ToString());
            }
            else
            {
                values[i++] = value;
            }
        }

        return values;
    }

    /// <summary>The headers say the unit: 调整金额(元), 预算执行率(%), 综合得分, 分值, 复核扣分, 定性评分.</summary>
    private static ExportColumnKind KindOf(string header) =>
        header.Contains("(元)", StringComparison.Ordinal) || header.Contains("（元）", StringComparison.Ordinal) ? ExportColumnKind.Money
        : header.Contains("(%)", StringComparison.Ordinal) || header.Contains("（%）", StringComparison.Ordinal) ? ExportColumnKind.Rate
        : header.EndsWith("得分", StringComparison.Ordinal) || header.EndsWith("分值", StringComparison.Ordinal)
          || header.EndsWith("扣分", StringComparison.Ordinal) || header.EndsWith("评分", StringComparison.Ordinal) ? ExportColumnKind.Score
        : ExportColumnKind.Auto;
}

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
    private readonly ExportLayout<TRow> _layout;

    public CsvTable(Stream output, IReadOnlyList<ExportColumn<TRow>> columns)
    {
        _layout = new ExportLayout<TRow>(columns);
        // The BOM makes Excel read UTF-8 instead of the machine's code page (GBK on Chinese Windows).
        _writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024, leaveOpen: true) { NewLine = "\r\n" };
        for (var i = 0; i < _layout.Headers.Length; i++)
        {
            Field(i, _layout.Headers[i]);
        }

        _writer.WriteLine();
    }

    public override void Write(TRow row)
    {
        var values = _layout.Values(row);
        for (var i = 0; i < values.Length; i++)
        {
            Field(i, values[i]);
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
/// saved, and refuses a write-only one.) Numbers are numeric cells formatted by their column's kind
/// (money #,##0.00, rates and scores 0.00, dates yyyy-mm-dd); text is inline, so no shared string
/// table grows with the file. Column widths must precede the rows: they are measured on the first
/// <see cref="MeasuredRows"/> rows, held until then (so memory stays flat). The header is bold,
/// frozen and carries an autofilter over every row.
/// </summary>
internal sealed class XlsxTable<TRow> : TableWriter<TRow>
{
    /// <summary>Rows measured for the column widths before the sheet's first row is written.</summary>
    public const int MeasuredRows = 200;

    private const string ContentTypesXml = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>
        """;

    private const string PackageRelationshipsXml = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
        """;

    private const string WorkbookRelationshipsXml = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
        """;

    /// <summary>Cell formats, by index: see <see cref="Style"/>.</summary>
    private const string StylesXml = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="3"><numFmt numFmtId="164" formatCode="#,##0.00"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd"/><numFmt numFmtId="166" formatCode="yyyy-mm-dd hh:mm:ss"/></numFmts><fonts count="2"><font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font><font><b/><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font></fonts><fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFD9E1F2"/><bgColor indexed="64"/></patternFill></fill></fills><borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left/><right/><top/><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="7"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>
        """;

    /// <summary>Excel's day 0 (serial dates count days from here; 1900's phantom leap day is before every date written).</summary>
    private static readonly DateOnly Epoch = new(1899, 12, 30);

    private readonly ZipArchive _package;
    private readonly string _sheetName;
    private readonly ExportLayout<TRow> _layout;
    private readonly string[] _columnNames;
    private readonly List<object?[]> _measured = [];
    private Stream? _sheetPart;
    private OpenXmlWriter? _sheet;
    private uint _rowIndex;

    private enum Style : uint
    {
        Default = 0,
        Header = 1,
        Money = 2,
        TwoDecimals = 3,
        Integer = 4,
        Date = 5,
        Timestamp = 6,
    }

    public XlsxTable(Stream output, string sheetName, IReadOnlyList<ExportColumn<TRow>> columns)
    {
        _sheetName = sheetName;
        _layout = new ExportLayout<TRow>(columns);
        _columnNames = [.. Enumerable.Range(0, _layout.Headers.Length).Select(ColumnName)];
        _package = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        WritePart("[Content_Types].xml", ContentTypesXml);
        WritePart("_rels/.rels", PackageRelationshipsXml);
        WritePart("xl/_rels/workbook.xml.rels", WorkbookRelationshipsXml);
        WritePart("xl/styles.xml", StylesXml);
    }

    public override void Write(TRow row)
    {
        var values = _layout.Values(row);
        if (_sheet is not null)
        {
            WriteRow(values);
            return;
        }

        _measured.Add(values);
        if (_measured.Count == MeasuredRows)
        {
            StartSheet();
        }
    }

    public override void Complete()
    {
        if (_sheet is null)
        {
            StartSheet();
        }

        var lastCell = _columnNames[^1] + _rowIndex.ToString(CultureInfo.InvariantCulture);
        _sheet!.WriteEndElement(); // sheetData
        _sheet.WriteElement(new AutoFilter { Reference = "A1:" + lastCell });
        _sheet.WriteEndElement(); // worksheet
        _sheet.Dispose();
        _sheetPart!.Dispose();

        // Written last, when the filter's range is known: Excel keeps the filter's rows in this name.
        using (var part = Entry("xl/workbook.xml"))
        using (var workbook = OpenXmlWriter.Create(part))
        {
            workbook.WriteStartDocument(true);
            workbook.WriteElement(new Workbook(
                new Sheets(new Sheet { Name = _sheetName, SheetId = 1U, Id = "rId1" }),
                new DefinedNames(new DefinedName($"'{_sheetName.Replace("'", "''", StringComparison.Ordinal)}'!$A$1:${_columnNames[^1]}${_rowIndex}")
                {
                    Name = "_xlnm._FilterDatabase",
                    LocalSheetId = 0U,
                    Hidden = true,
                })));
        }

        _package.Dispose();
    }

    public override void Dispose()
    {
        // The writer leaves its stream open, and the ZIP takes its next entry (or writes its directory) only once the sheet's is closed.
        _sheet?.Dispose();
        _sheetPart?.Dispose();
        _package.Dispose();
    }

    /// <summary>Widths from the header and the measured rows, then the header and the measured rows themselves.</summary>
    private void StartSheet()
    {
        _sheetPart = Entry("xl/worksheets/sheet1.xml");
        _sheet = OpenXmlWriter.Create(_sheetPart);
        _sheet.WriteStartDocument(true);
        _sheet.WriteStartElement(new Worksheet());
        // The header row stays in view while scrolling.
        _sheet.WriteElement(new SheetViews(new SheetView(
            new Pane { VerticalSplit = 1D, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen })
        { WorkbookViewId = 0U }));
        _sheet.WriteElement(new Columns(_layout.Headers.Select((header, i) => new Column
        {
            Min = (uint)(i + 1),
            Max = (uint)(i + 1),
            Width = Width(header, i),
            CustomWidth = true,
        })));
        _sheet.WriteStartElement(new SheetData());
        WriteRow(_layout.Headers, header: true);
        foreach (var values in _measured)
        {
            WriteRow(values);
        }

        _measured.Clear();
    }

    /// <summary>Characters as a spreadsheet counts them (CJK twice), of the widest shown value, plus room for the filter button.</summary>
    private double Width(string header, int column)
    {
        var widest = TextWidth.Of(header) + 3;
        foreach (var values in _measured)
        {
            widest = Math.Max(widest, Shown(values[column], column) is { } text ? TextWidth.Of(text) + 1 : 0);
        }

        return Math.Min(Math.Max(widest, 8), 60);
    }

    /// <summary>About what the cell shows: money with thousands separators, rates and scores with 2 decimals.</summary>
    private string? Shown(object? value, int column) => (value, StyleOf(value, column)) switch
    {
        (null, _) => null,
        (decimal d, Style.Money) => d.ToString("#,##0.00", CultureInfo.InvariantCulture),
        (decimal d, Style.TwoDecimals) => d.ToString("0.00", CultureInfo.InvariantCulture),
        (_, Style.Date) => "0000-00-00",
        (_, Style.Timestamp) => "0000-00-00 00:00:00",
        _ => Text(value),
    };

    private Style StyleOf(object? value, int column) => (_layout.Kinds[column], value) switch
    {
        (_, DateOnly) => Style.Date,
        (_, DateTimeOffset or DateTime) => Style.Timestamp,
        (_, not (decimal or int or long)) => Style.Default,
        (ExportColumnKind.Money, _) => Style.Money,
        (ExportColumnKind.Rate or ExportColumnKind.Score, _) => Style.TwoDecimals,
        (ExportColumnKind.Integer, _) or (_, int or long) => Style.Integer,
        _ => Style.Default,
    };

    private void WriteRow(IReadOnlyList<object?> values, bool header = false)
    {
        _rowIndex++;
        var row = _rowIndex.ToString(CultureInfo.InvariantCulture);
        _sheet!.WriteStartElement(new Row { RowIndex = _rowIndex });
        for (var column = 0; column < values.Count; column++)
        {
            var value = values[column];
            var reference = _columnNames[column] + row;
            if (header)
            {
                _sheet.WriteElement(new Cell { CellReference = reference, StyleIndex = (uint)Style.Header, DataType = CellValues.InlineString, InlineString = new InlineString(InlineText((string)value!)) });
                continue;
            }

            // Empty cells are left out; each cell names its place, so the ones after stay in their columns.
            var style = StyleOf(value, column);
            var number = value switch
            {
                DateOnly date => (date.DayNumber - Epoch.DayNumber).ToString(CultureInfo.InvariantCulture),
                DateTimeOffset time => Serial(time.UtcDateTime),
                DateTime time => Serial(time),
                _ when IsNumber(value) => Text(value),
                _ => null,
            };
            if (number is not null)
            {
                _sheet.WriteElement(new Cell { CellReference = reference, StyleIndex = (uint)style, DataType = CellValues.Number, CellValue = new CellValue(number) });
            }
            else if (Text(value) is { Length: > 0 } text)
            {
                _sheet.WriteElement(new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(InlineText(text)) });
            }
        }

        _sheet.WriteEndElement();
    }

    /// <summary>Days since Excel's epoch with the time of day as the fraction, to the second.</summary>
    private static string Serial(DateTime time)
    {
        var seconds = (decimal)(time - Epoch.ToDateTime(TimeOnly.MinValue)).Ticks / TimeSpan.TicksPerSecond;
        return Math.Round(Math.Floor(seconds) / 86_400m, 10, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture);
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
