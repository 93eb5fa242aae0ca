using System.Text.RegularExpressions;

namespace PerfEval.Application.ReportImports;

/// <summary>What every part of the reader shares: the normalised text, the flags raised so far, and how readings become a field.</summary>
internal sealed class ReadingContext(ReportDocument document, ReportText text)
{
    private readonly List<ReviewFlag> _flags = [];

    public ReportDocument Document { get; } = document;

    public ReportText Text { get; } = text;

    public IReadOnlyList<ReviewFlag> Flags => _flags;

    public void Flag(string code, string path, string message, params Evidence[] evidence) =>
        _flags.Add(new ReviewFlag(code, path, message, evidence));

    /// <summary>
    /// Readings to a field: none → missing; all the same value → read; values that differ → conflicting,
    /// no value, and a flag naming every reading. Two readings of one place count once.
    /// </summary>
    public DraftField<T> Resolve<T>(string path, IEnumerable<FieldReading<T>> readings)
        where T : struct
    {
        var distinct = Distinct(readings);
        if (distinct.Count == 0)
        {
            return DraftField<T>.Missing;
        }

        if (distinct.Select(r => r.Value).Distinct().Count() == 1)
        {
            return new DraftField<T>(FieldStatus.Read, distinct[0].Value, distinct);
        }

        Flag("conflicting", path, "The report prints different values for this field: "
            + string.Join(" / ", distinct.Select(r => r.Evidence.Text)), [.. distinct.Select(r => r.Evidence)]);
        return new DraftField<T>(FieldStatus.Conflicting, null, distinct);
    }

    public DraftText ResolveText(string path, IEnumerable<FieldReading<string>> readings)
    {
        var distinct = Distinct(readings);
        if (distinct.Count == 0)
        {
            return DraftText.Missing;
        }

        if (distinct.Select(r => r.Value).Distinct(StringComparer.Ordinal).Count() == 1)
        {
            return new DraftText(FieldStatus.Read, distinct[0].Value, distinct);
        }

        Flag("conflicting", path, "The report prints different texts for this field.", [.. distinct.Select(r => r.Evidence)]);
        return new DraftText(FieldStatus.Conflicting, null, distinct);
    }

    /// <summary>Every match of a pattern over the normalised text that the filter keeps.</summary>
    public IEnumerable<Match> Matches(Regex pattern, Func<Match, bool>? keep = null) =>
        pattern.Matches(Text.Text).Where(m => keep is null || keep(m));

    public Evidence EvidenceOf(Match match) => Text.EvidenceOf(match.Index, match.Index + match.Length);

    public FieldReading<T> Reading<T>(T value, Match match) => new(value, EvidenceOf(match));

    /// <summary>Whether any heading in force at the match contains one of the words.</summary>
    public bool InSection(Match match, params string[] words) =>
        Text.SectionPath(match.Index).Any(h => words.Any(w => Text.LineText(h).Contains(w, StringComparison.Ordinal)));

    /// <summary>
    /// The clause a figure belongs to: back to the sentence start or the last "其中:". A total's label
    /// qualified there by a part ("其中:财政资金预算部分年初预算数为…", "项目总金额为…,执行金额为…") is
    /// that part's figure, not the total's.
    /// </summary>
    public bool QualifiedBy(Match match, params string[] words)
    {
        var text = Text.Text;
        // A clause longer than a few lines is no clause: looking back is capped, so that a text with
        // no full stops cannot make every figure cost the whole text.
        var from = match.Index;
        var floor = Math.Max(0, match.Index - 400);
        while (from > floor && text[from - 1] is not ('。' or ';' or '\n'))
        {
            from--;
        }

        var clause = text[from..(match.Index + match.Length)];
        var since = clause.LastIndexOf("其中", StringComparison.Ordinal);
        if (since >= 0 && since < clause.Length - match.Length)
        {
            clause = clause[since..];
        }

        return words.Any(w => clause.Contains(w, StringComparison.Ordinal));
    }

    private static List<FieldReading<T>> Distinct<T>(IEnumerable<FieldReading<T>> readings) =>
        readings.GroupBy(r => (r.Evidence.Start, r.Evidence.Cell)).Select(g => g.First()).OrderBy(r => r.Evidence.Start).ToList();
}
