using System.Text;
using System.Text.RegularExpressions;

namespace PerfEval.Application.ReportImports;

/// <summary>
/// A report's paragraphs normalised for reading, with a map from every normalised character back to the
/// original text, so that evidence always quotes and points into what the writer actually wrote.
/// Normalising: full-width ASCII (digits, ，；：（）％＝ …) becomes half-width, curly quotes straight, all
/// horizontal white space goes (Chinese uses none, and it splits numbers: "3 661.55", "36 142"), Markdown
/// heading and list markers go, and a paragraph that stops mid-sentence ("预算执" / "行率为94.82%") is
/// joined to the next one.
/// </summary>
internal sealed partial class ReportText
{
    private readonly int[] _map;

    private readonly List<(int Start, IReadOnlyList<TextLine> Path)> _paths = [];

    private ReportText(string original, string text, int[] map, IReadOnlyList<TextLine> lines)
    {
        Original = original;
        Text = text;
        _map = map;
        Lines = lines;

        // The headings in force after each heading, computed once: a lookup is then a binary search,
        // so reading stays linear in the size of the text however many figures it holds.
        var path = new List<TextLine>();
        foreach (var line in lines.Where(l => l.HeadingLevel > 0))
        {
            path.RemoveAll(h => h.HeadingLevel >= line.HeadingLevel);
            path.Add(line);
            _paths.Add((line.Start, path.ToArray()));
        }
    }

    public string Original { get; }

    /// <summary>The normalised paragraphs, one a line (joined paragraphs make one line).</summary>
    public string Text { get; }

    public IReadOnlyList<TextLine> Lines { get; }

    public static ReportText Normalise(ReportDocument document)
    {
        var pieces = document.Paragraphs
            .Select(p => NormaliseSpan(document.Text, p.Start, p.Length, dropListMarkers: true))
            .Where(p => p.Text.Length > 0)
            .ToList();

        var text = new StringBuilder();
        var map = new List<int>();
        var lines = new List<TextLine>();
        var lineStart = 0;
        for (var i = 0; i < pieces.Count; i++)
        {
            var piece = pieces[i];
            if (i > 0)
            {
                var previous = pieces[i - 1];
                if (!Continues(previous.Text, piece.Text))
                {
                    lines.Add(Line(text.ToString(lineStart, text.Length - lineStart), lineStart, text.Length));
                    map.Add(previous.Map[^1] + 1);
                    text.Append('\n');
                    lineStart = text.Length;
                }
            }

            text.Append(piece.Text);
            map.AddRange(piece.Map);
        }

        if (text.Length > lineStart)
        {
            lines.Add(Line(text.ToString(lineStart, text.Length - lineStart), lineStart, text.Length));
        }

        return new ReportText(document.Text, text.ToString(), [.. map], lines);
    }

    /// <summary>One span of the original (a paragraph or a table cell) normalised, with its offset map.</summary>
    public static NormalisedSpan NormaliseSpan(string original, int start, int length, bool dropListMarkers)
    {
        var text = new StringBuilder(length);
        var map = new List<int>(length);
        var end = start + length;
        var i = start;
        if (dropListMarkers)
        {
            i = SkipMarkers(original, i, end);
        }

        for (; i < end; i++)
        {
            var c = Fold(original[i]);
            if (c == '\0')
            {
                continue;
            }

            text.Append(c);
            map.Add(i);
        }

        return new NormalisedSpan(text.ToString(), [.. map]);
    }

    /// <summary>The evidence for the normalised span [start, end): the original text it came from and where.</summary>
    public Evidence EvidenceOf(int start, int end, TableCellRef? cell = null)
    {
        var from = _map[start];
        var to = _map[end - 1] + 1;
        return new Evidence(Original[from..to], from, to - from, cell);
    }

    /// <summary>The headings in force at a position, outermost first.</summary>
    public IReadOnlyList<TextLine> SectionPath(int position)
    {
        int low = 0, high = _paths.Count - 1, found = -1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (_paths[middle].Start <= position)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return found < 0 ? [] : _paths[found].Path;
    }

    /// <summary>The index of the first line starting at or after a position.</summary>
    public int FirstLineFrom(int position)
    {
        int low = 0, high = Lines.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (Lines[middle].Start < position)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>The lines starting in [start, end).</summary>
    public IEnumerable<TextLine> LinesIn(int start, int end)
    {
        for (var i = FirstLineFrom(start); i < Lines.Count && Lines[i].Start < end; i++)
        {
            yield return Lines[i];
        }
    }

    public string LineText(TextLine line) => Text[line.Start..line.End];

    internal static char Fold(char c) => c switch
    {
        >= '\uFF01' and <= '\uFF5E' => Fold((char)(c - 0xFEE0)),
        '\u3000' or '\u00A0' or ' ' or '\t' or '\r' or '\n' or '\u2002' or '\u2003' or '\u2009' or '\u200B' or '\uFEFF' => '\0',
        '\u201C' or '\u201D' or '\u300C' or '\u300D' => '"',
        '\u2018' or '\u2019' => '\'',
        '\u2267' => '≥',
        '\u2266' => '≤',
        _ => c,
    };

    private static int SkipMarkers(string original, int i, int end)
    {
        while (i < end && char.IsWhiteSpace(original[i]))
        {
            i++;
        }

        var hashes = i;
        while (hashes < end && original[hashes] == '#')
        {
            hashes++;
        }

        if (hashes > i)
        {
            return hashes;
        }

        if (i + 1 < end && original[i] is '-' or '*' or '•' && original[i + 1] is ' ' or '\u3000')
        {
            return i + 2;
        }

        return i;
    }

    /// <summary>
    /// Whether a paragraph continues the one before: the one before stops without ending its sentence,
    /// and neither is a heading, a list item or a label ("填报时间:").
    /// </summary>
    private static bool Continues(string previous, string next)
    {
        if (previous.Length == 0 || "。!?;:\"'…".Contains(previous[^1], StringComparison.Ordinal))
        {
            return false;
        }

        return HeadingLevelOf(previous) == 0 && HeadingLevelOf(next) == 0
            && !ListItem().IsMatch(next) && !Label().IsMatch(next);
    }

    private static TextLine Line(string text, int start, int end) => new(start, end, HeadingLevelOf(text));

    /// <summary>一、 → 1, (一) → 2, 1. → 3, (1) → 4; only short lines are headings, a long one is a list item.</summary>
    internal static int HeadingLevelOf(string line)
    {
        if (line.Length > 40)
        {
            return 0;
        }

        if (Level1().IsMatch(line))
        {
            return 1;
        }

        if (Level2().IsMatch(line))
        {
            return 2;
        }

        if (Level3().IsMatch(line))
        {
            return 3;
        }

        return Level4().IsMatch(line) ? 4 : 0;
    }

    [GeneratedRegex(@"^(?:[一二三四五六七八九十]+[、.]|第[一二三四五六七八九十]+[部分章节])")]
    private static partial Regex Level1();

    [GeneratedRegex(@"^\([一二三四五六七八九十]+\)")]
    private static partial Regex Level2();

    [GeneratedRegex(@"^\d{1,2}(?:[、]|\.(?!\d))")]
    private static partial Regex Level3();

    [GeneratedRegex(@"^\(\d{1,2}\)")]
    private static partial Regex Level4();

    [GeneratedRegex(@"^(?:\d{1,2}[.、](?!\d)|\(\d{1,2}\)|\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+[、是])")]
    private static partial Regex ListItem();

    [GeneratedRegex(@"^[^,。;:]{1,12}:")]
    private static partial Regex Label();
}

/// <summary>A normalised line: [Start, End) of <see cref="ReportText.Text"/>, and its heading level (0: not a heading).</summary>
internal sealed record TextLine(int Start, int End, int HeadingLevel);

internal sealed record NormalisedSpan(string Text, int[] Map);
