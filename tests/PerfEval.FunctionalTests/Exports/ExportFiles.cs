using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Microsoft.AspNetCore.Hosting;

namespace PerfEval.FunctionalTests.Exports;

/// <summary>One value of an exported row as the file holds it: its text, and whether the file typed it as a number.</summary>
public sealed record ExportCell(string Text, bool IsNumber);

/// <summary>
/// Reads a downloaded export back with readers that share nothing with the writer: CsvHelper, the
/// OpenXML SDK (its schema validator, then OpenXmlReader row by row), System.Text.Json line by line.
/// A row maps each column (the Chinese header, or the NDJSON property path) to its cell; empty cells are left out.
/// </summary>
public static class ExportFiles
{
    public static async Task<List<Dictionary<string, ExportCell>>> ReadAsync(HttpResponseMessage response, string format)
    {
        var raw = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)response.StatusCode}: {Encoding.UTF8.GetString(raw)}");
        return format switch
        {
            "csv" => Csv(raw),
            "xlsx" => Xlsx(raw),
            "ndjson" => Ndjson(raw),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
        };
    }

    public static List<Dictionary<string, ExportCell>> Csv(byte[] raw)
    {
        Assert.True(raw.AsSpan().StartsWith("\uFEFF"u8), "The CSV does not start with the UTF-8 BOM Excel needs.");
        using var reader = new StreamReader(new MemoryStream(raw), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        Assert.True(csv.Read() && csv.ReadHeader(), "The CSV has no header row.");
        var headers = csv.HeaderRecord!;
        var rows = new List<Dictionary<string, ExportCell>>();
        while (csv.Read())
        {
            var row = new Dictionary<string, ExportCell>();
            for (var i = 0; i < headers.Length; i++)
            {
                if (csv.GetField(i) is { Length: > 0 } text)
                {
                    row[headers[i]] = new ExportCell(text, IsNumber: false);
                }
            }

            rows.Add(row);
        }

        return rows;
    }

    public static List<Dictionary<string, ExportCell>> Xlsx(byte[] raw)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(raw), isEditable: false);
        var problems = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(problems.Count == 0, "The workbook does not validate: " + string.Join("; ", problems));
        var sheet = Assert.Single(document.WorkbookPart!.WorksheetParts);

        string[]? headers = null;
        var rows = new List<Dictionary<string, ExportCell>>();
        using var reader = OpenXmlReader.Create(sheet);
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
            {
                continue;
            }

            var cells = ((Row)reader.LoadCurrentElement()!).Elements<Cell>()
                .Select(c => (Column: Column(c.CellReference!.Value!), Cell: Read(c)))
                .ToList();
            if (headers is null)
            {
                headers = [.. cells.Select(c => c.Cell.Text)];
                Assert.All(cells, c => Assert.False(c.Cell.IsNumber));
                continue;
            }

            rows.Add(cells.ToDictionary(c => headers[c.Column], c => c.Cell));
        }

        return rows;
    }

    public static List<Dictionary<string, ExportCell>> Ndjson(byte[] raw)
    {
        var text = Encoding.UTF8.GetString(raw);
        Assert.True(text.Length == 0 || text.EndsWith('\n'), "The last NDJSON line is not terminated.");
        var rows = new List<Dictionary<string, ExportCell>>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var json = JsonDocument.Parse(line);
            Assert.Equal(JsonValueKind.Object, json.RootElement.ValueKind);
            var row = new Dictionary<string, ExportCell>();
            Flatten(json.RootElement, "", row);
            rows.Add(row);
        }

        return rows;
    }

    private static ExportCell Read(Cell cell)
    {
        // Open XML SDK 3 enumerations are structs, not constants: compared, not switched on.
        var type = cell.DataType?.Value;
        if (type == CellValues.InlineString)
        {
            return new ExportCell(cell.InlineString!.Text!.Text, IsNumber: false);
        }

        if (type == CellValues.Number)
        {
            return new ExportCell(cell.CellValue!.Text, IsNumber: true);
        }

        throw new Xunit.Sdk.XunitException($"Cell {cell.CellReference} has type {type}: neither an inline string nor a number.");
    }

    /// <summary>"AB12" → 27.</summary>
    private static int Column(string reference) =>
        reference.TakeWhile(char.IsLetter).Aggregate(0, (n, c) => (n * 26) + (c - 'A' + 1)) - 1;

    private static void Flatten(JsonElement element, string prefix, Dictionary<string, ExportCell> row)
    {
        foreach (var property in element.EnumerateObject())
        {
            var name = prefix + property.Name;
            switch (property.Value.ValueKind)
            {
                case JsonValueKind.Object:
                    Flatten(property.Value, name + ".", row);
                    break;
                case JsonValueKind.Null:
                    break;
                case JsonValueKind.String:
                    row[name] = new ExportCell(property.Value.GetString()!, IsNumber: false);
                    break;
                default:
                    row[name] = new ExportCell(property.Value.GetRawText(), property.Value.ValueKind == JsonValueKind.Number);
                    break;
            }
        }
    }
}

/// <summary>The demo data set, and one more client: it holds a key but not perf.read (403).</summary>
public sealed class ExportFactory : PerfEvalFactory
{
    public const string NoReadKey = "export-no-read-key";

    protected override bool DemoData => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        var index = Clients.Length;
        builder.UseSetting($"Security:ApiKeys:{index}:Client", "export-no-read");
        builder.UseSetting($"Security:ApiKeys:{index}:KeySha256", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(NoReadKey))));
        builder.UseSetting($"Security:ApiKeys:{index}:Scopes:0", "adjustments.write");
    }
}
