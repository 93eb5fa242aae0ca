using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PerfEval.Application.ReportImports;

namespace PerfEval.UnitTests.ReportImports;

/// <summary>
/// The report files the tests read: the seed texts and the PDFs printed from them (committed, made by
/// Fixtures/make-pdf-fixtures.sh), and Word files written here with Open XML from the same texts.
/// </summary>
internal static class ReportFixtures
{
    public static readonly string[] Seeds = ["seed-000", "seed-001", "seed-002"];

    public static string Path(string file) => System.IO.Path.Combine(AppContext.BaseDirectory, "ReportImports", "Fixtures", file);

    public static string SeedText(string seed) => File.ReadAllText(Path(seed + ".txt"));

    public static byte[] SeedBytes(string file) => File.ReadAllBytes(Path(file));

    /// <summary>
    /// A Word file of blocks in order: a string is a paragraph, a string?[][] a table (a null cell
    /// continues the cell above, as Word's vertical merge).
    /// </summary>
    public static byte[] Docx(IEnumerable<object> blocks)
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            var body = new Body();
            foreach (var block in blocks)
            {
                body.Append(block switch
                {
                    string text => Paragraph(text),
                    string?[][] rows => Table(rows),
                    _ => throw new ArgumentException("A block is a paragraph (string) or a table (string?[][]).", nameof(blocks)),
                });
            }

            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    /// <summary>A seed as a Word file: one paragraph per line of the text, as the seeds were exported.</summary>
    public static byte[] SeedDocx(string seed) => Docx(SeedText(seed).Split('\n').Where(l => l.Trim().Length > 0));

    private static Paragraph Paragraph(string text)
    {
        // Runs split mid-word, as Word does after edits: the reader must join them.
        var runs = new List<Run>();
        for (var i = 0; i < text.Length; i += 7)
        {
            runs.Add(new Run(new Text(text.Substring(i, Math.Min(7, text.Length - i))) { Space = SpaceProcessingModeValues.Preserve }));
        }

        return new Paragraph(runs);
    }

    private static Table Table(string?[][] rows)
    {
        var table = new Table(new TableProperties(new TableBorders(new InsideHorizontalBorder { Val = BorderValues.Single })));
        for (var r = 0; r < rows.Length; r++)
        {
            var row = new TableRow();
            for (var c = 0; c < rows[r].Length; c++)
            {
                var text = rows[r][c];
                var properties = new TableCellProperties(new TableCellWidth { Width = "1200", Type = TableWidthUnitValues.Dxa });
                if (text is null)
                {
                    properties.Append(new VerticalMerge { Val = MergedCellValues.Continue });
                }
                else if (r + 1 < rows.Length && c < rows[r + 1].Length && rows[r + 1][c] is null)
                {
                    properties.Append(new VerticalMerge { Val = MergedCellValues.Restart });
                }

                row.Append(new TableCell(properties, Paragraph(text ?? string.Empty)));
            }

            table.Append(row);
        }

        return table;
    }

    public static string Show(decimal? value) => value is { } v ? (v / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture) : "none";
}
