namespace PerfEval.Application.Scoring;

/// <summary>
/// Department-years laid out for bulk scoring (a year's ranking, summary and exports): every number
/// a <see cref="ScaledNumber"/>, lines and indicators as structs in two arrays. <see cref="Score()"/>
/// runs the same rules as <see cref="ScorecardCalculator"/> and keeps compact rows (figures, grade,
/// finding codes and counts, each indicator's completion, score and flags) instead of full scorecards.
/// A department-year with a number that does not fit (59 bits and a scale) is scored with decimal and
/// kept as its full <see cref="Scorecard"/>; the results read the same either way.
/// </summary>
public sealed class ScoringBatch
{
    private readonly IReadOnlyList<ScorecardInput> _inputs;
    private readonly ScoringSchemeSettings _scheme;
    private readonly SchemeNumbers<ScaledNumber> _numbers;
    private readonly bool _schemeFits;
    private readonly Slot[] _slots;
    private readonly LineFacts<ScaledNumber>[] _lines;
    private readonly IndicatorFacts<ScaledNumber>[] _indicators;
    private readonly int _mostIndicators;

    /// <summary>Where a department-year's lines and indicators lie, and its own facts; <c>Fits</c> is false when a number needs decimal.</summary>
    private readonly record struct Slot(
        DepartmentFacts<ScaledNumber> Facts, int FirstLine, int LineCount, int FirstIndicator, int IndicatorCount, bool Fits);

    private ScoringBatch(
        IReadOnlyList<ScorecardInput> inputs, ScoringSchemeSettings scheme, Slot[] slots,
        LineFacts<ScaledNumber>[] lines, IndicatorFacts<ScaledNumber>[] indicators, int mostIndicators)
    {
        _inputs = inputs;
        _scheme = scheme;
        _schemeFits = SchemeNumbers<ScaledNumber>.TryFrom(scheme, out _numbers);
        _slots = slots;
        _lines = lines;
        _indicators = indicators;
        _mostIndicators = mostIndicators;
    }

    public int Count => _slots.Length;

    /// <summary>Lays the department-years out for scoring by <paramref name="scheme"/>; the inputs are kept for any that need decimal.</summary>
    public static ScoringBatch Create(IReadOnlyList<ScorecardInput> inputs, ScoringSchemeSettings scheme)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(scheme);
        var (lineCount, indicatorCount, mostIndicators) = (0, 0, 0);
        foreach (var input in inputs)
        {
            lineCount += input.Lines.Count;
            indicatorCount += input.Indicators.Count;
            mostIndicators = Math.Max(mostIndicators, input.Indicators.Count);
        }
        var slots = new Slot[inputs.Count];
        var lines = new LineFacts<ScaledNumber>[lineCount];
        var indicators = new IndicatorFacts<ScaledNumber>[indicatorCount];
        var (nextLine, nextIndicator) = (0, 0);
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            var fits = ScoringFacts.TryCreate(
                input, lines.AsSpan(nextLine, input.Lines.Count), indicators.AsSpan(nextIndicator, input.Indicators.Count), out var facts);
            foreach (ref var indicator in indicators.AsSpan(nextIndicator, input.Indicators.Count))
            {
                indicator = indicator.WithValuesAtOneScale();
            }
            slots[i] = new Slot(facts, nextLine, input.Lines.Count, nextIndicator, input.Indicators.Count, fits);
            nextLine += input.Lines.Count;
            nextIndicator += input.Indicators.Count;
        }
        return new ScoringBatch(inputs, scheme, slots, lines, indicators, mostIndicators);
    }

    /// <summary>Scores every department-year, chunks on every core at once: they are independent.</summary>
    public BatchScores Score() => Score(parallel: true);

    /// <summary>Sequentially: one core's cost.</summary>
    internal BatchScores Score(bool parallel)
    {
        var scores = new BatchScores(_slots.Length);
        var chunks = (_slots.Length + BatchScores.ChunkSize - 1) / BatchScores.ChunkSize;
        ScoreChunks(chunks, parallel ? Math.Clamp(chunks, 1, Environment.ProcessorCount) : 1, scores);
        scores.Complete(_slots.Length);
        return scores;
    }

    /// <summary>
    /// <paramref name="workers"/> workers, this thread among them, each taking the next chunk until
    /// none is left; a worker the pool starts late finds none. Not
    /// <see cref="Parallel.For(int, int, Action{int})"/>, whose workers requeue copies of themselves as
    /// they go: on two cores it took about a tenth longer (docs/performance.md, seventh round).
    /// </summary>
    private void ScoreChunks(int chunks, int workers, BatchScores scores)
    {
        var next = -1;
        void Work()
        {
            for (var c = Interlocked.Increment(ref next); c < chunks; c = Interlocked.Increment(ref next))
            {
                ScoreChunk(c, scores);
            }
        }

        var helpers = new Task[workers - 1];
        for (var i = 0; i < helpers.Length; i++)
        {
            helpers[i] = Task.Run(Work);
        }
        try
        {
            Work();
        }
        finally
        {
            Task.WaitAll(helpers);
        }
    }

    private void ScoreChunk(int chunk, BatchScores scores)
    {
        var from = chunk * BatchScores.ChunkSize;
        var to = Math.Min(from + BatchScores.ChunkSize, _slots.Length);
        var firstIndicator = _slots[from].FirstIndicator;
        var rows = scores.StartChunk(chunk, to - from, _slots[to - 1].FirstIndicator + _slots[to - 1].IndicatorCount - firstIndicator);
        Span<IndicatorOutcome<ScaledNumber>> outcomes = _mostIndicators <= 64
            ? stackalloc IndicatorOutcome<ScaledNumber>[_mostIndicators]
            : new IndicatorOutcome<ScaledNumber>[_mostIndicators];
        for (var i = from; i < to; i++)
        {
            ref readonly var slot = ref _slots[i];
            if (_schemeFits && slot.Fits && TryScore(slot, outcomes, out var card))
            {
                BatchScores.Keep(rows, i - from, card, slot.FirstIndicator - firstIndicator, outcomes[..slot.IndicatorCount]);
            }
            else
            {
                scores.Keep(rows, i - from, i, ScorecardCalculator.Calculate(_inputs[i], _scheme), slot.FirstIndicator - firstIndicator);
            }
        }
    }

    /// <summary>False when a result leaves 64 bits (a rate of an absurd budget, say): that department-year is scored with decimal.</summary>
    private bool TryScore(in Slot slot, Span<IndicatorOutcome<ScaledNumber>> outcomes, out CardOutcome<ScaledNumber> card)
    {
        try
        {
            ScoringRules.Score(
                slot.Facts,
                _lines.AsSpan(slot.FirstLine, slot.LineCount),
                _indicators.AsSpan(slot.FirstIndicator, slot.IndicatorCount),
                _numbers,
                outcomes,
                out card);
            return true;
        }
        catch (OverflowException)
        {
            card = default;
            return false;
        }
    }
}
