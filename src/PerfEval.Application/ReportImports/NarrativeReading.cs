namespace PerfEval.Application.ReportImports;

/// <summary>
/// The narrative by level-1 heading, and the four parts the evaluation keeps apart: problems and
/// causes (五、存在的主要问题及原因分析), improvement measures and suggestions (六、改进措施和建议),
/// each found by its sub-heading's words; a section without sub-headings counts as problems, or as
/// measures.
/// </summary>
internal static class NarrativeReading
{
    public static DraftNarrative Read(ReadingContext context)
    {
        var text = context.Text;
        var sections = new List<(TextLine Heading, List<TextLine> Body)>();
        foreach (var line in text.Lines)
        {
            if (line.HeadingLevel == 1)
            {
                sections.Add((line, []));
            }
            else if (sections.Count > 0)
            {
                sections[^1].Body.Add(line);
            }
        }

        var drafted = sections.Where(s => s.Body.Count > 0).Select(s =>
        {
            var evidence = text.EvidenceOf(s.Body[0].Start, s.Body[^1].End);
            return new DraftSection(text.LineText(s.Heading), evidence.Text, evidence);
        }).ToList();

        var problems = sections.FirstOrDefault(s => text.LineText(s.Heading).Contains("问题", StringComparison.Ordinal));
        var improvements = sections.FirstOrDefault(s => text.LineText(s.Heading).Contains("改进", StringComparison.Ordinal)
            || text.LineText(s.Heading).Contains("建议", StringComparison.Ordinal));

        return new DraftNarrative(
            drafted,
            Part(context, problems.Body, "问题", whole: true),
            Part(context, problems.Body, "原因", whole: false),
            Part(context, improvements.Body, "措施", whole: true),
            Part(context, improvements.Body, "建议", whole: false));
    }

    /// <summary>The body under the sub-heading with the word; with no sub-headings at all, the whole body when <paramref name="whole"/>.</summary>
    private static DraftText Part(ReadingContext context, List<TextLine>? body, string word, bool whole)
    {
        if (body is null || body.Count == 0)
        {
            return DraftText.Missing;
        }

        var text = context.Text;
        var subHeadings = body.Where(l => l.HeadingLevel == 2).ToList();
        List<TextLine> lines;
        if (subHeadings.Count == 0)
        {
            lines = whole ? body : [];
        }
        else
        {
            lines = body.SkipWhile(l => !(l.HeadingLevel == 2 && text.LineText(l).Contains(word, StringComparison.Ordinal)))
                .Skip(1).TakeWhile(l => l.HeadingLevel != 2).ToList();
        }

        if (lines.Count == 0)
        {
            return DraftText.Missing;
        }

        var evidence = text.EvidenceOf(lines[0].Start, lines[^1].End);
        return new DraftText(FieldStatus.Read, evidence.Text, [new FieldReading<string>(evidence.Text, evidence)]);
    }
}
