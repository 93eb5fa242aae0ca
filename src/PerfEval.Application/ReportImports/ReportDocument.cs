using System.Text;

namespace PerfEval.Application.ReportImports;

/// <summary>Where a report came from; the readers of each format produce the same document.</summary>
public enum ReportSourceKind
{
    Text,
    Docx,
    Pdf,
}

/// <summary>
/// A report as extracted from its file, before any reading: the plain text that every evidence offset
/// points into, and that text's paragraphs and tables in reading order. A text file's plain text is the
/// file itself; a Word or PDF file's is its paragraphs one a line, a table's rows one a line with cells
/// separated by a tab.
/// </summary>
public sealed record ReportDocument(ReportSourceKind Kind, string Text, IReadOnlyList<ReportBlock> Blocks)
{
    /// <summary>A UTF-8 text report: every line is a paragraph, offsets are the text's own.</summary>
    public static ReportDocument FromText(string text)
    {
        var blocks = new List<ReportBlock>();
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }

            var length = end - start;
            if (length > 0 && text[end - 1] == '\r')
            {
                length--;
            }

            if (length > 0)
            {
                blocks.Add(new ReportParagraph(start, length));
            }

            start = end + 1;
        }

        return new ReportDocument(ReportSourceKind.Text, text, blocks);
    }

    public IEnumerable<ReportParagraph> Paragraphs => Blocks.OfType<ReportParagraph>();

    public IEnumerable<ReportTable> Tables => Blocks.OfType<ReportTable>();

    public string TextOf(ReportParagraph paragraph) => Text.Substring(paragraph.Start, paragraph.Length);

    public string TextOf(ReportTableCell cell) => Text.Substring(cell.Start, cell.Length);
}

/// <summary>One paragraph (or PDF line): a span of the document's plain text.</summary>
public abstract record ReportBlock;

public sealed record ReportParagraph(int Start, int Length) : ReportBlock;

/// <summary>A table, numbered from 0 in document order; its cells are spans of the plain text.</summary>
public sealed record ReportTable(int Index, IReadOnlyList<IReadOnlyList<ReportTableCell>> Rows) : ReportBlock;

/// <summary>
/// A table cell; <see cref="ContinuesAbove"/> marks a vertically merged cell that repeats the one above
/// (Word's vMerge), so a category printed once for several rows is not read as missing.
/// </summary>
public sealed record ReportTableCell(int Row, int Column, int Start, int Length, bool ContinuesAbove = false);

/// <summary>Builds a document from extracted paragraphs and tables, keeping every offset exact.</summary>
public sealed class ReportDocumentBuilder(ReportSourceKind kind)
{
    private readonly StringBuilder _text = new();
    private readonly List<ReportBlock> _blocks = [];
    private int _tables;

    public int ParagraphCount { get; private set; }

    public void AddParagraph(string text)
    {
        var flat = text.Replace('\n', ' ').Replace('\r', ' ');
        if (flat.Trim().Length == 0)
        {
            return;
        }

        Separate();
        _blocks.Add(new ReportParagraph(_text.Length, flat.Length));
        _text.Append(flat);
        ParagraphCount++;
    }

    /// <summary>Rows of cells; a null cell text marks a cell merged with the one above.</summary>
    public void AddTable(IReadOnlyList<IReadOnlyList<string?>> rows)
    {
        Separate();
        var tableRows = new List<IReadOnlyList<ReportTableCell>>();
        for (var r = 0; r < rows.Count; r++)
        {
            if (r > 0)
            {
                _text.Append('\n');
            }

            var cells = new List<ReportTableCell>();
            for (var c = 0; c < rows[r].Count; c++)
            {
                if (c > 0)
                {
                    _text.Append('\t');
                }

                var cellText = (rows[r][c] ?? string.Empty).Replace('\n', ' ').Replace('\r', ' ').Replace('\t', ' ');
                cells.Add(new ReportTableCell(r, c, _text.Length, cellText.Length, rows[r][c] is null));
                _text.Append(cellText);
            }

            tableRows.Add(cells);
            ParagraphCount++;
        }

        _blocks.Add(new ReportTable(_tables++, tableRows));
    }

    public ReportDocument Build() => new(kind, _text.ToString(), _blocks);

    private void Separate()
    {
        if (_text.Length > 0)
        {
            _text.Append('\n');
        }
    }
}
