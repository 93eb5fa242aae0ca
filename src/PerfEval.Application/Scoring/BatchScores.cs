using System.Numerics;
using PerfEval.Application.Evaluations;

namespace PerfEval.Application.Scoring;

/// <summary>
/// What <see cref="ScoringBatch.Score()"/> computed, one compact row per department-year and one per
/// indicator; <see cref="this[int]"/> reads a row as decimals. Rows are kept in chunks of
/// <see cref="ChunkSize"/> department-years, each chunk scored by one task into arrays below the
/// large-object threshold.
/// </summary>
public sealed class BatchScores
{
    public const int ChunkSize = 64;

    private readonly Chunk[] _chunks;
    private Scorecard?[]? _full;

    internal BatchScores(int count) => _chunks = new Chunk[(count + ChunkSize - 1) / ChunkSize];

    public int Count { get; private set; }

    public DepartmentYearScore this[int index] =>
        (uint)index < (uint)Count
            ? new DepartmentYearScore(this, index, _full?[index])
            : throw new ArgumentOutOfRangeException(nameof(index), index, "No such department-year.");

    /// <summary>One chunk's rows: its department-years, and their indicators one after another.</summary>
    internal sealed class Chunk(int count, int indicatorCount)
    {
        public CardRow[] Cards { get; } = new CardRow[count];

        public IndicatorRow[] Indicators { get; } = new IndicatorRow[indicatorCount];
    }

    internal Chunk StartChunk(int chunk, int count, int indicatorCount) => _chunks[chunk] = new Chunk(count, indicatorCount);

    internal void Complete(int count) => Count = count;

    internal ref readonly CardRow Card(int index) => ref _chunks[index / ChunkSize].Cards[index % ChunkSize];

    internal ref readonly IndicatorRow Indicator(int index, int position)
    {
        var chunk = _chunks[index / ChunkSize];
        return ref chunk.Indicators[chunk.Cards[index % ChunkSize].FirstIndicator + position];
    }

    internal static void Keep(Chunk chunk, int row, in CardOutcome<ScaledNumber> card, int firstIndicator, ReadOnlySpan<IndicatorOutcome<ScaledNumber>> indicators)
    {
        chunk.Cards[row] = new CardRow(card, firstIndicator, indicators.Length);
        var rows = chunk.Indicators.AsSpan(firstIndicator, indicators.Length);
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = new IndicatorRow(indicators[i]);
        }
    }

    /// <summary>A department-year scored with decimal: kept whole.</summary>
    internal void Keep(Chunk chunk, int row, int index, Scorecard card, int firstIndicator)
    {
        if (_full is null)
        {
            Interlocked.CompareExchange(ref _full, new Scorecard?[_chunks.Length * ChunkSize], null);
        }
        _full![index] = card;
        chunk.Cards[row] = new CardRow(firstIndicator, card.Indicators.Count);
    }

    /// <summary>Which figures a row holds (a row keeps no nullable numbers).</summary>
    [Flags]
    internal enum Present : byte
    {
        AdjustmentRate = 1,
        ExecutionRate = 2,
        ExecutionScore = 4,
        WeightTotal = 8,
        CompositeScore = 16,
        Completion = 32,
        Score = 64,
    }

    /// <summary>One department-year: 88 bytes.</summary>
    internal readonly struct CardRow
    {
        public readonly ScaledNumber Initial;
        public readonly ScaledNumber Adjustments;
        public readonly ScaledNumber Executed;
        public readonly ScaledNumber AdjustmentRate;
        public readonly ScaledNumber ExecutionRate;
        public readonly ScaledNumber ExecutionScore;
        public readonly ScaledNumber WeightTotal;
        public readonly ScaledNumber CompositeScore;
        public readonly FindingSet Findings;
        public readonly int FirstIndicator;
        public readonly int IndicatorCount;
        public readonly ushort Errors;
        public readonly ushort Warnings;
        public readonly ushort Infos;
        public readonly Present Present;
        private readonly byte _grade;  // 0: none, else grade + 1

        public CardRow(in CardOutcome<ScaledNumber> card, int firstIndicator, int indicatorCount)
        {
            var overall = card.Budget.Overall;
            Initial = overall.Initial;
            Adjustments = overall.Adjustments;
            Executed = overall.Executed;
            Present = Keep(card.Rates.AdjustmentRate, Present.AdjustmentRate, out AdjustmentRate)
                | Keep(card.Rates.ExecutionRate, Present.ExecutionRate, out ExecutionRate)
                | Keep(card.ExecutionScore, Present.ExecutionScore, out ExecutionScore)
                | Keep(card.WeightTotal, Present.WeightTotal, out WeightTotal)
                | Keep(card.CompositeScore, Present.CompositeScore, out CompositeScore);
            _grade = card.Grade is { } g ? (byte)((int)g + 1) : (byte)0;
            Findings = card.AllFindings;
            Errors = Count(card.Counts.Error);
            Warnings = Count(card.Counts.Warning);
            Infos = Count(card.Counts.Info);
            FirstIndicator = firstIndicator;
            IndicatorCount = indicatorCount;
        }

        /// <summary>The row of a department-year kept as a full scorecard: only where its indicators lie.</summary>
        public CardRow(int firstIndicator, int indicatorCount)
        {
            FirstIndicator = firstIndicator;
            IndicatorCount = indicatorCount;
        }

        public Grade? Grade => _grade == 0 ? null : (Grade)(_grade - 1);

        private static ushort Count(int count) => (ushort)Math.Min(count, ushort.MaxValue);
    }

    /// <summary>One indicator: 24 bytes.</summary>
    internal readonly struct IndicatorRow
    {
        public readonly ScaledNumber Completion;
        public readonly ScaledNumber Score;
        public readonly Present Present;
        private readonly byte _flags;

        public IndicatorRow(in IndicatorOutcome<ScaledNumber> outcome)
        {
            Present = Keep(outcome.Completion, Present.Completion, out Completion) | Keep(outcome.Score, Present.Score, out Score);
            _flags = (byte)outcome.Flags;
        }

        public IndicatorFlags Flags => (IndicatorFlags)_flags;
    }

    private static Present Keep(ScaledNumber? value, Present which, out ScaledNumber kept)
    {
        kept = value.GetValueOrDefault();
        return value is null ? 0 : which;
    }
}

/// <summary>
/// One department-year of a <see cref="BatchScores"/>, read as decimals (with the scale a full
/// scorecard would give them). Reading it builds nothing.
/// </summary>
public readonly struct DepartmentYearScore
{
    private readonly BatchScores _scores;
    private readonly int _index;
    private readonly Scorecard? _full;

    internal DepartmentYearScore(BatchScores scores, int index, Scorecard? full)
    {
        _scores = scores;
        _index = index;
        _full = full;
    }

    /// <summary>A department-year scored in full, read the same way.</summary>
    internal DepartmentYearScore(Scorecard full)
    {
        _scores = null!;
        _full = full;
    }

    private ref readonly BatchScores.CardRow Row => ref _scores.Card(_index);

    /// <summary>Scored with decimal (a number beyond 64 bits) and kept as a full scorecard.</summary>
    internal bool KeptWhole => _full is not null;

    public decimal InitialBudget => _full?.Budget.Overall.Initial.Value ?? Row.Initial.ToDecimal();

    public decimal Adjustments => _full?.Budget.Overall.Adjustments.Value ?? Row.Adjustments.ToDecimal();

    public decimal AdjustedBudget => _full?.Budget.Overall.Adjusted.Value ?? (Row.Initial + Row.Adjustments).ToDecimal();

    public decimal Executed => _full?.Budget.Overall.Executed.Value ?? Row.Executed.ToDecimal();

    public decimal? AdjustmentRate => _full is { } card ? card.Budget.Overall.AdjustmentRate.Value : Read(Row.AdjustmentRate, BatchScores.Present.AdjustmentRate);

    public decimal? ExecutionRate => _full is { } card ? card.Budget.Overall.ExecutionRate.Value : Read(Row.ExecutionRate, BatchScores.Present.ExecutionRate);

    public decimal? ExecutionScore => _full is { } card ? card.ExecutionScore.Value : Read(Row.ExecutionScore, BatchScores.Present.ExecutionScore);

    public decimal? WeightTotal => _full is { } card ? card.WeightTotal.Value : Read(Row.WeightTotal, BatchScores.Present.WeightTotal);

    /// <summary>After reviewer deductions, as the scorecard's.</summary>
    public decimal? CompositeScore => _full is { } card ? card.CompositeScore.Value : Read(Row.CompositeScore, BatchScores.Present.CompositeScore);

    public Grade? Grade => _full is { } card ? card.Grade : Row.Grade;

    public FindingCounts FindingCounts => _full is { } card
        ? new FindingCounts(
            card.Findings.Count(f => f.Severity == FindingSeverity.Error),
            card.Findings.Count(f => f.Severity == FindingSeverity.Warning),
            card.Findings.Count(f => f.Severity == FindingSeverity.Info))
        : new FindingCounts(Row.Errors, Row.Warnings, Row.Infos);

    /// <summary>Whether the scorecard has a finding with that code (any when null) and that severity (any when null).</summary>
    public bool HasFinding(string? code = null, FindingSeverity? severity = null)
    {
        if (_full is { } card)
        {
            return card.Findings.Any(f => (code is null || f.Code == code) && (severity is null || f.Severity == severity));
        }
        var wanted = (code is null ? ~FindingSet.None : FindingSets.Of(code)) & (severity is { } s ? FindingSets.Severity(s) : ~FindingSet.None);
        return (Row.Findings & wanted) != FindingSet.None;
    }

    /// <summary>The finding codes present, in the order of <see cref="FindingCodes.All"/>.</summary>
    public IReadOnlyList<string> FindingCodesPresent()
    {
        var set = _full is { } card
            ? card.Findings.Aggregate(FindingSet.None, (s, f) => s | FindingSets.Of(f.Code))
            : Row.Findings;
        var codes = new List<string>(BitOperations.PopCount((ulong)set));
        for (var i = 0; i < FindingCodes.All.Count; i++)
        {
            if ((set & (FindingSet)(1UL << i)) != FindingSet.None)
            {
                codes.Add(FindingCodes.All[i].Code);
            }
        }
        return codes;
    }

    public int IndicatorCount => _full?.Indicators.Count ?? Row.IndicatorCount;

    /// <summary>The indicator at <paramref name="position"/> in the input's order.</summary>
    public BatchIndicatorScore Indicator(int position)
    {
        if ((uint)position >= (uint)IndicatorCount)
        {
            throw new ArgumentOutOfRangeException(nameof(position), position, "No such indicator.");
        }
        if (_full is { } card)
        {
            var i = card.Indicators[position];
            return new BatchIndicatorScore(i.Completion.Value, i.Score.Value, i.Flags);
        }
        ref readonly var row = ref _scores.Indicator(_index, position);
        return new BatchIndicatorScore(
            Read(row.Completion, row.Present, BatchScores.Present.Completion),
            Read(row.Score, row.Present, BatchScores.Present.Score),
            row.Flags);
    }

    private decimal? Read(ScaledNumber value, BatchScores.Present which) => Read(value, Row.Present, which);

    private static decimal? Read(ScaledNumber value, BatchScores.Present present, BatchScores.Present which) =>
        (present & which) != 0 ? value.ToDecimal() : null;
}

/// <summary>One indicator of a <see cref="DepartmentYearScore"/>: completion (%), score (after any reviewer's deduction), flags.</summary>
public readonly record struct BatchIndicatorScore(decimal? Completion, decimal? Score, IndicatorFlags Flags);
