using System.Runtime.CompilerServices;
using PerfEval.Application.Budgets;
using PerfEval.Application.Evaluations;
using PerfEval.Application.Indicators;

namespace PerfEval.Application.Scoring;

/// <summary>
/// One budget line as the rules read it: its amounts and the two groups it is summed into
/// (<see cref="BudgetRules"/>: 0–2 by expenditure class, 3–5 by funding source).
/// </summary>
internal readonly record struct LineFacts<T>(T Initial, T Adjustments, T Executed, byte ClassGroup, byte SourceGroup)
    where T : unmanaged, IExactNumber<T>
{
    /// <summary>Executed above the line's adjusted amount.</summary>
    public bool IsOverExecuted => Executed > Initial + Adjustments;
}

/// <summary>
/// One indicator as the rules read it: the numbers (each present or not), kind, operator, tier and
/// whether the reasons the rules ask for are given. Names, ids and texts stay in <see cref="IndicatorInput"/>.
/// </summary>
internal readonly struct IndicatorFacts<T>
    where T : unmanaged, IExactNumber<T>
{
    [Flags]
    private enum Present : byte
    {
        Target = 1,
        Weight = 2,
        MidYearValue = 4,
        FinalValue = 8,
        QualitativeScore = 16,
        ReviewerDeduction = 32,
        DeclaredCompletion = 64,
        DeclaredScore = 128,
    }

    private readonly T _target;
    private readonly T _weight;
    private readonly T _midYearValue;
    private readonly T _finalValue;
    private readonly T _qualitativeScore;
    private readonly T _reviewerDeduction;
    private readonly T _declaredCompletion;
    private readonly T _declaredScore;
    private readonly Present _present;
    private readonly byte _kind;
    private readonly byte _operator;  // 0: none, else operator + 1
    private readonly byte _tier;      // 0: none, else tier + 1

    public IndicatorFacts(
        IndicatorKind kind, ComparisonOperator? op, QualitativeTier? tier,
        T? target, T? weight, T? midYearValue, T? finalValue, T? qualitativeScore, T? reviewerDeduction,
        T? declaredCompletion, T? declaredScore, bool hasDeviationReason, bool hasDeductionReason)
    {
        _kind = Code((int)kind, nameof(kind));
        _operator = op is { } o ? (byte)(Code((int)o, nameof(op)) + 1) : (byte)0;
        _tier = tier is { } t ? (byte)(Code((int)t, nameof(tier)) + 1) : (byte)0;
        _target = target.GetValueOrDefault();
        _weight = weight.GetValueOrDefault();
        _midYearValue = midYearValue.GetValueOrDefault();
        _finalValue = finalValue.GetValueOrDefault();
        _qualitativeScore = qualitativeScore.GetValueOrDefault();
        _reviewerDeduction = reviewerDeduction.GetValueOrDefault();
        _declaredCompletion = declaredCompletion.GetValueOrDefault();
        _declaredScore = declaredScore.GetValueOrDefault();
        _present = (target.HasValue ? Present.Target : 0)
            | (weight.HasValue ? Present.Weight : 0)
            | (midYearValue.HasValue ? Present.MidYearValue : 0)
            | (finalValue.HasValue ? Present.FinalValue : 0)
            | (qualitativeScore.HasValue ? Present.QualitativeScore : 0)
            | (reviewerDeduction.HasValue ? Present.ReviewerDeduction : 0)
            | (declaredCompletion.HasValue ? Present.DeclaredCompletion : 0)
            | (declaredScore.HasValue ? Present.DeclaredScore : 0);
        HasDeviationReason = hasDeviationReason;
        HasDeductionReason = hasDeductionReason;
    }

    private IndicatorFacts(in IndicatorFacts<T> facts, T zeroAtScale)
    {
        this = facts;
        _target += zeroAtScale;
        _midYearValue += zeroAtScale;
        _finalValue += zeroAtScale;
        _qualitativeScore += zeroAtScale;
    }

    /// <summary>
    /// The same facts with the target, the values and the qualitative score at one scale (the largest
    /// of theirs), where that fits. The rules only compare and divide these by value, so every result
    /// is the same; bulk scoring then compares them without rescaling.
    /// </summary>
    public IndicatorFacts<T> WithValuesAtOneScale()
    {
        var scale = Math.Max(Math.Max(_target.Scale, _midYearValue.Scale), Math.Max(_finalValue.Scale, _qualitativeScore.Scale));
        if (!T.TryFrom(new decimal(0, 0, 0, false, (byte)scale), out var zeroAtScale))
        {
            return this;
        }
        try
        {
            return new IndicatorFacts<T>(this, zeroAtScale);
        }
        catch (OverflowException)
        {
            return this;  // a value too wide at that scale keeps its own
        }
    }

    public IndicatorKind Kind => (IndicatorKind)_kind;

    public ComparisonOperator? Operator => _operator == 0 ? null : (ComparisonOperator)(_operator - 1);

    public QualitativeTier? Tier => _tier == 0 ? null : (QualitativeTier)(_tier - 1);

    public T? Target => Get(_target, Present.Target);

    public T? Weight => Get(_weight, Present.Weight);

    public T? MidYearValue => Get(_midYearValue, Present.MidYearValue);

    public T? FinalValue => Get(_finalValue, Present.FinalValue);

    public T? QualitativeScore => Get(_qualitativeScore, Present.QualitativeScore);

    public T? ReviewerDeduction => Get(_reviewerDeduction, Present.ReviewerDeduction);

    public T? DeclaredCompletion => Get(_declaredCompletion, Present.DeclaredCompletion);

    public T? DeclaredScore => Get(_declaredScore, Present.DeclaredScore);

    public bool HasDeviationReason { get; }

    public bool HasDeductionReason { get; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private T? Get(T value, Present which) => (_present & which) != 0 ? value : null;

    /// <summary>Enum values are kept in a byte; one outside it is not a value of the enum.</summary>
    private static byte Code(int value, string name) =>
        value is >= 0 and < byte.MaxValue ? (byte)value : throw new ArgumentOutOfRangeException(name, value, "Unknown enum value.");
}

/// <summary>The figures a report declares, by position in <see cref="DeclaredFacts{T}"/>.</summary>
internal enum DeclaredItem
{
    InitialBudget,
    Adjustments,
    AdjustedBudget,
    Executed,
    ExpenditureTotal,
    BasicExpenditure,
    ProjectExpenditure,
    InitialSuperior,
    InitialOwnLevel,
    InitialOther,
    AdjustmentRate,
    ExecutionRate,
    ExecutionScore,
    CompositeScore,
}

[InlineArray(14)]
internal struct DeclaredValues<T>
    where T : unmanaged
{
    private T _first;
}

/// <summary>A report's declared figures as the rules read them, each present or not.</summary>
internal readonly struct DeclaredFacts<T>
    where T : unmanaged, IExactNumber<T>
{
    private readonly DeclaredValues<T> _values;
    private readonly ushort _present;
    private readonly byte _grade;  // 0: none, else grade + 1

    public DeclaredFacts(ReadOnlySpan<T?> values, Grade? grade)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is { } v)
            {
                _values[i] = v;
                _present |= (ushort)(1 << i);
            }
        }
        _grade = grade is { } g ? (byte)((int)g + 1) : (byte)0;
    }

    public T? this[DeclaredItem item] => (_present & (1 << (int)item)) != 0 ? _values[(int)item] : null;

    public Grade? Grade => _grade == 0 ? null : (Grade)(_grade - 1);
}

/// <summary>
/// A department-year's own facts beside its lines and indicators. Amounts are in whole fen (scale
/// 2) when every line's amounts have at most 2 decimals, and the sums then are too, even when empty.
/// </summary>
internal readonly record struct DepartmentFacts<T>(
    DeclaredFacts<T> Declared, bool DataChangedAfterClose, bool AmountsInCents, bool HasConflictingFacts = false,
    T? DeclaredProjectBudget = null, T? DeclaredProjectExecuted = null, T? DeclaredPersonnel = null, T? DeclaredOperating = null)
    where T : unmanaged, IExactNumber<T>;

/// <summary>The scheme's settings as numbers of the kind the rules run on.</summary>
internal readonly record struct SchemeNumbers<T>(
    Rounding Rounding,
    T ExecutionWeight,
    T ExpectedWeightTotal,
    T OverAchievementReasonThreshold,
    T TargetTooLowThreshold,
    T UnderAchievementReasonThreshold,
    T QualitativeAchievedFrom,
    T QualitativePartiallyAchievedFrom,
    T ExcellentFrom,
    T GoodFrom,
    T FairFrom)
    where T : unmanaged, IExactNumber<T>
{
    private static Cached? s_last;

    /// <summary>The numbers of a scheme that fits (always, for <see cref="DecimalNumber"/>), kept for the scheme last asked for.</summary>
    public static SchemeNumbers<T> Of(ScoringSchemeSettings scheme)
    {
        if (s_last is { } last && ReferenceEquals(last.Scheme, scheme))
        {
            return last.Numbers;
        }
        var numbers = TryFrom(scheme, out var n) ? n : throw new OverflowException("A setting of the scheme does not fit.");
        s_last = new Cached(scheme, numbers);
        return numbers;
    }

    private sealed record Cached(ScoringSchemeSettings Scheme, SchemeNumbers<T> Numbers);

    /// <summary>
    /// False when a setting does not fit this kind of number. Thresholds and grade bands are only
    /// ever compared with figures as shown, so they are held with the display decimals (120 as
    /// 120.00: the same value, compared without rescaling); the weights keep their own scale, which
    /// a full score shows.
    /// </summary>
    public static bool TryFrom(ScoringSchemeSettings scheme, out SchemeNumbers<T> numbers)
    {
        numbers = default;
        var shown = scheme.DisplayDecimals is >= 0 and <= 28 ? new decimal(0, 0, 0, false, (byte)scheme.DisplayDecimals) : 0m;
        if (!T.TryFrom(scheme.ExecutionWeight, out var executionWeight)
            || !T.TryFrom(scheme.ExpectedWeightTotal, out var expectedWeightTotal)
            || !T.TryFrom(scheme.OverAchievementReasonThreshold + shown, out var over)
            || !T.TryFrom(scheme.TargetTooLowThreshold + shown, out var tooLow)
            || !T.TryFrom(scheme.UnderAchievementReasonThreshold + shown, out var under)
            || !T.TryFrom(scheme.QualitativeAchievedFrom, out var achieved)
            || !T.TryFrom(scheme.QualitativePartiallyAchievedFrom, out var partially)
            || !T.TryFrom(scheme.ExcellentFrom + shown, out var excellent)
            || !T.TryFrom(scheme.GoodFrom + shown, out var good)
            || !T.TryFrom(scheme.FairFrom + shown, out var fair))
        {
            return false;
        }
        numbers = new SchemeNumbers<T>(
            Rounding.For(scheme), executionWeight, expectedWeightTotal, over, tooLow, under, achieved, partially, excellent, good, fair);
        return true;
    }
}

/// <summary>Turns a department-year's input into the facts the rules read.</summary>
internal static class ScoringFacts
{
    /// <summary>
    /// The department-year's facts in numbers of kind <typeparamref name="T"/>; false when one does not
    /// fit (never for <see cref="DecimalNumber"/>).
    /// </summary>
    public static bool TryCreate<T>(
        ScorecardInput input, Span<LineFacts<T>> lines, Span<IndicatorFacts<T>> indicators, out DepartmentFacts<T> department)
        where T : unmanaged, IExactNumber<T>
    {
        department = default;
        var inCents = BudgetRules.InCents(input.Lines);
        for (var i = 0; i < input.Lines.Count; i++)
        {
            if (!TryCreate(input.Lines[i], inCents, out lines[i]))
            {
                return false;
            }
        }
        for (var i = 0; i < input.Indicators.Count; i++)
        {
            if (!TryCreate(input.Indicators[i], out indicators[i]))
            {
                return false;
            }
        }
        var d = input.Declared;
        Span<T?> declared = stackalloc T?[14];
        ReadOnlySpan<decimal?> figures =
        [
            d.InitialBudget, d.Adjustments, d.AdjustedBudget, d.Executed, d.ExpenditureTotal, d.BasicExpenditure, d.ProjectExpenditure,
            d.InitialSuperior, d.InitialOwnLevel, d.InitialOther, d.AdjustmentRate, d.ExecutionRate, d.ExecutionScore, d.CompositeScore,
        ];
        for (var i = 0; i < figures.Length; i++)
        {
            if (!TryNumber(figures[i], out declared[i]))
            {
                return false;
            }
        }
        if (!TryNumber<T>(d.ProjectBudget, out var projectBudget) || !TryNumber<T>(d.ProjectExecuted, out var projectExecuted)
            || !TryNumber<T>(d.Personnel, out var personnel) || !TryNumber<T>(d.Operating, out var operating))
        {
            return false;
        }

        department = new DepartmentFacts<T>(
            new DeclaredFacts<T>(declared, d.Grade), input.DataChangedAfterClose, inCents, input.ConflictingFacts is { Count: > 0 },
            projectBudget, projectExecuted, personnel, operating);
        return true;
    }

    private static bool TryCreate<T>(BudgetLineInput line, bool inCents, out LineFacts<T> facts)
        where T : unmanaged, IExactNumber<T>
    {
        facts = default;
        var classGroup = BudgetRules.ClassGroup(line);
        var sourceGroup = BudgetRules.SourceGroup(line);
        if (!TryAmount(line.Initial, inCents, out T initial) || !TryAmount(line.Adjustments, inCents, out T adjustments)
            || !TryAmount(line.Executed, inCents, out T executed))
        {
            return false;
        }
        facts = new LineFacts<T>(initial, adjustments, executed, classGroup, sourceGroup);
        return true;
    }

    /// <summary>In whole fen when the department-year's amounts all are: 1000 is summed as 1000.00.</summary>
    private static bool TryAmount<T>(decimal amount, bool inCents, out T number)
        where T : unmanaged, IExactNumber<T> =>
        T.TryFrom(inCents && Cents.TryFrom(amount, out var cents) ? Cents.ToDecimal(cents) : amount, out number);

    private static bool TryCreate<T>(IndicatorInput i, out IndicatorFacts<T> facts)
        where T : unmanaged, IExactNumber<T>
    {
        facts = default;
        if (!TryNumber(i.Target, out T? target) || !TryNumber(i.Weight, out T? weight) || !TryNumber(i.MidYearValue, out T? midYear)
            || !TryNumber(i.FinalValue, out T? final) || !TryNumber(i.QualitativeScore, out T? score)
            || !TryNumber(i.ReviewerDeduction, out T? deduction) || !TryNumber(i.DeclaredCompletion, out T? declaredCompletion)
            || !TryNumber(i.DeclaredScore, out T? declaredScore))
        {
            return false;
        }
        facts = new IndicatorFacts<T>(
            i.Kind, i.Operator, i.Tier, target, weight, midYear, final, score, deduction, declaredCompletion, declaredScore,
            hasDeviationReason: !string.IsNullOrWhiteSpace(i.DeviationReason),
            hasDeductionReason: !string.IsNullOrWhiteSpace(i.DeductionReason));
        return true;
    }

    private static bool TryNumber<T>(decimal? value, out T? number)
        where T : unmanaged, IExactNumber<T>
    {
        number = null;
        if (value is not { } v)
        {
            return true;
        }
        if (!T.TryFrom(v, out var n))
        {
            return false;
        }
        number = n;
        return true;
    }
}
