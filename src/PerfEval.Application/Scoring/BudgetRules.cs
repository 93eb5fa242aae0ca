using System.Runtime.CompilerServices;
using PerfEval.Application.Budgets;

using PerfEval.Application.Common;

namespace PerfEval.Application.Scoring;

/// <summary>Initial, adjustments and executed amount of one group of budget lines.</summary>
internal readonly record struct GroupSums<T>(T Initial, T Adjustments, T Executed)
    where T : unmanaged, IExactNumber<T>
{
    public T Adjusted => Initial + Adjustments;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public GroupSums<T> Add(in LineFacts<T> line) =>
        new(Initial + line.Initial, Adjustments + line.Adjustments, Executed + line.Executed);

    public static GroupSums<T> operator +(GroupSums<T> a, GroupSums<T> b) =>
        new(a.Initial + b.Initial, a.Adjustments + b.Adjustments, a.Executed + b.Executed);
}

/// <summary>
/// The budget summed overall, per expenditure class (basic = personnel + operating + basic lines whose
/// split is not stated) and per funding source (lines that state none summed apart).
/// </summary>
internal readonly struct BudgetSums<T>
    where T : unmanaged, IExactNumber<T>
{
    public BudgetSums(
        GroupSums<T> personnel, GroupSums<T> operating, GroupSums<T> project, GroupSums<T> superior, GroupSums<T> ownLevel, GroupSums<T> other,
        GroupSums<T> basicUnsplit, GroupSums<T> unstatedSource, bool sourcesUnstated, bool classesUnstated)
    {
        Personnel = personnel;
        Operating = operating;
        Project = project;
        Superior = superior;
        OwnLevel = ownLevel;
        Other = other;
        Basic = personnel + operating + basicUnsplit;
        Overall = Basic + project;
        UnstatedSource = unstatedSource;
        SourcesUnstated = sourcesUnstated;
        ClassesUnstated = classesUnstated;
    }

    /// <summary>Some basic-expenditure line does not split personnel from operating: neither sum is known.</summary>
    public bool ClassesUnstated { get; }

    /// <summary>Lines whose funding source the report does not state.</summary>
    public GroupSums<T> UnstatedSource { get; }

    /// <summary>
    /// Some line does not state its funding source: the per-source sums are incomplete, so declared
    /// per-source figures are not compared with them (that would report a gap the lines cannot show).
    /// </summary>
    public bool SourcesUnstated { get; }

    public GroupSums<T> Personnel { get; }

    public GroupSums<T> Operating { get; }

    public GroupSums<T> Project { get; }

    public GroupSums<T> Superior { get; }

    public GroupSums<T> OwnLevel { get; }

    public GroupSums<T> Other { get; }

    public GroupSums<T> Basic { get; }

    public GroupSums<T> Overall { get; }
}

/// <summary>A group's two rates, as shown, and the shares behind them (the declared checks use those).</summary>
internal readonly record struct GroupRates<T>(Fraction<T>? Adjustment, Fraction<T>? Execution, T? AdjustmentRate, T? ExecutionRate)
    where T : unmanaged, IExactNumber<T>;

/// <summary>
/// Budget figures overall, per expenditure class and per funding source; the execution score; the
/// executed-over-adjusted checks on the lines.
/// </summary>
internal static class BudgetRules
{
    /// <summary>One bit per line is enough to remember which lines to report, and the sums cannot overflow.</summary>
    private const int MaxLinesInCents = 64;

    /// <summary>
    /// Whether the lines are summed in whole fen (scale 2): every real budget, whose amounts have at
    /// most 2 decimals. Otherwise each sum keeps the largest scale of its amounts, as decimal addition does.
    /// </summary>
    public static bool InCents(IReadOnlyList<BudgetLineInput> lines)
    {
        if (lines.Count > MaxLinesInCents)
        {
            return false;
        }
        foreach (var line in lines)
        {
            if (!Cents.TryFrom(line.Initial, out _) || !Cents.TryFrom(line.Adjustments, out _) || !Cents.TryFrom(line.Executed, out _))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Sums every line into its class and its source; counts the lines executed above their adjusted amount.</summary>
    public static BudgetSums<T> Sum<T>(ReadOnlySpan<LineFacts<T>> lines, bool inCents, out int overExecutedLines)
        where T : unmanaged, IExactNumber<T>
    {
        var zero = inCents ? Constant<T>.ZeroFen : T.Zero;
        var groups = new Groups<T>();
        for (var g = 0; g < GroupCount; g++)
        {
            groups[g] = new GroupSums<T>(zero, zero, zero);
        }
        overExecutedLines = 0;
        var sourcesUnstated = false;
        var classesUnstated = false;
        foreach (ref readonly var line in lines)
        {
            classesUnstated |= line.ClassGroup == BasicUnsplitGroup;
            groups[line.ClassGroup] = groups[line.ClassGroup].Add(line);
            groups[line.SourceGroup] = groups[line.SourceGroup].Add(line);
            sourcesUnstated |= line.SourceGroup == UnstatedSourceGroup;
            if (line.IsOverExecuted)
            {
                overExecutedLines++;
            }
        }
        return new BudgetSums<T>(groups[0], groups[1], groups[2], groups[3], groups[4], groups[5], groups[6], groups[7], sourcesUnstated, classesUnstated);
    }

    private const int GroupCount = 8;

    private const byte BasicUnsplitGroup = 6;
    private const byte UnstatedSourceGroup = 7;

    /// <summary>The groups a line is summed into, on the stack: 0–2 and 6 by class, 3–5 and 7 by source.</summary>
    [InlineArray(GroupCount)]
    private struct Groups<T>
        where T : unmanaged, IExactNumber<T>
    {
        private GroupSums<T> _first;
    }

    /// <summary>Adjustment rate = adjustments / initial × 100; execution rate = executed / adjusted × 100; none when the base is 0.</summary>
    public static GroupRates<T> Rates<T>(in GroupSums<T> sums, Rounding rounding)
        where T : unmanaged, IExactNumber<T>
    {
        var adjustment = Fraction<T>.Of(sums.Adjustments, sums.Initial);
        var execution = Fraction<T>.Of(sums.Executed, sums.Adjusted);
        var hundred = Constant<T>.Hundred;
        return new GroupRates<T>(
            adjustment,
            execution,
            adjustment is { } a ? a.Times(hundred, rounding) : null,
            execution is { } e ? e.Times(hundred, rounding) : null);
    }

    /// <summary>executionWeight × min(execution rate / 100, 1), rounded; none without an execution rate.</summary>
    public static T? ExecutionScore<T>(Fraction<T>? execution, in SchemeNumbers<T> scheme)
        where T : unmanaged, IExactNumber<T> =>
        execution is { } share ? share.CappedTimes(scheme.ExecutionWeight, scheme.Rounding) : null;

    public static byte ClassGroup(BudgetLineInput line) => line.Class switch
    {
        ExpenditureClass.Personnel => 0,
        ExpenditureClass.Operating => 1,
        ExpenditureClass.Project => 2,
        ExpenditureClass.Basic => 6,
        _ => throw new ArgumentOutOfRangeException(nameof(line), line.Class, "Unknown expenditure class."),
    };

    public static byte SourceGroup(BudgetLineInput line) => line.Source switch
    {
        FundingSource.Superior => 3,
        FundingSource.OwnLevel => 4,
        FundingSource.Other => 5,
        FundingSource.Unstated => UnstatedSourceGroup,
        _ => throw new ArgumentOutOfRangeException(nameof(line), line.Source, "Unknown funding source."),
    };

    /// <summary>The shown figures of a group; formulas are added by <see cref="Explain"/>.</summary>
    public static BudgetFigures Figures(in GroupSums<DecimalNumber> sums, Rounding rounding)
    {
        var rates = Rates(sums, rounding);
        return new BudgetFigures(
            new Computed(sums.Initial.Value, null),
            new Computed(sums.Adjustments.Value, null),
            new Computed(sums.Adjusted.Value, null),
            new Computed(sums.Executed.Value, null),
            new Computed(rates.AdjustmentRate.ToDecimal(), null),
            new Computed(rates.ExecutionRate.ToDecimal(), null));
    }

    public static Explanation ExplainExecutionScore(Fraction<DecimalNumber>? execution, decimal weight) =>
        execution is not { } share
            ? Explanations.Of(Messages.NoExecutionScore.Current, ("executionWeight", weight))
            : Explanations.Of(
                $"{Explanations.Number(weight)} × min({Explanations.Number(share.Times(100m))} / 100, 1)",
                ("executionWeight", weight), ("executionRate", share.Times(100m)));

    public static BudgetBreakdown Explain(BudgetBreakdown b, IReadOnlyList<BudgetLineInput> lines) => new(
        // Basic lines whose split is not stated are in neither part: then the total is basic + project.
        Overall: b.Basic.Executed.Value == (b.Personnel.Executed.Value ?? 0m) + (b.Operating.Executed.Value ?? 0m)
            && b.Basic.Initial.Value == (b.Personnel.Initial.Value ?? 0m) + (b.Operating.Initial.Value ?? 0m)
            && b.Basic.Adjustments.Value == (b.Personnel.Adjustments.Value ?? 0m) + (b.Operating.Adjustments.Value ?? 0m)
                ? ExplainParts(b.Overall, ("personnel", b.Personnel), ("operating", b.Operating), ("project", b.Project))
                : ExplainParts(b.Overall, ("basic", b.Basic), ("project", b.Project)),
        Personnel: ExplainLines(b.Personnel, lines, static l => l.Class == ExpenditureClass.Personnel),
        Operating: ExplainLines(b.Operating, lines, static l => l.Class == ExpenditureClass.Operating),
        Basic: ExplainLines(b.Basic, lines, static l => l.Class is ExpenditureClass.Personnel or ExpenditureClass.Operating or ExpenditureClass.Basic),
        Project: ExplainLines(b.Project, lines, static l => l.Class == ExpenditureClass.Project),
        Superior: ExplainLines(b.Superior, lines, static l => l.Source == FundingSource.Superior),
        OwnLevel: ExplainLines(b.OwnLevel, lines, static l => l.Source == FundingSource.OwnLevel),
        Other: ExplainLines(b.Other, lines, static l => l.Source == FundingSource.Other));

    private static BudgetFigures ExplainLines(BudgetFigures f, IReadOnlyList<BudgetLineInput> lines, Func<BudgetLineInput, bool> inGroup)
    {
        var members = new List<(string Name, BudgetLineInput Line)>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (inGroup(lines[i]))
            {
                members.Add(("line " + Findings.LineLabel(lines[i], i), lines[i]));
            }
        }
        return ExplainRates(f,
            Explanations.Sum(members.Select(m => (m.Name, m.Line.Initial))),
            Explanations.Sum(members.Select(m => (m.Name, m.Line.Adjustments))),
            Explanations.Sum(members.Select(m => (m.Name, m.Line.Executed))));
    }

    private static BudgetFigures ExplainParts(BudgetFigures f, params (string Name, BudgetFigures Part)[] parts) =>
        ExplainRates(f,
            Explanations.Sum(parts.Select(p => (p.Name, p.Part.Initial.Value ?? 0m))),
            Explanations.Sum(parts.Select(p => (p.Name, p.Part.Adjustments.Value ?? 0m))),
            Explanations.Sum(parts.Select(p => (p.Name, p.Part.Executed.Value ?? 0m))));

    private static BudgetFigures ExplainRates(BudgetFigures f, Explanation initial, Explanation adjustments, Explanation executed)
    {
        var i = f.Initial.Value ?? 0m;
        var a = f.Adjustments.Value ?? 0m;
        var adjusted = f.Adjusted.Value ?? 0m;
        var e = f.Executed.Value ?? 0m;
        var amount = Explanations.Amount;
        return new BudgetFigures(
            f.Initial with { Explanation = initial },
            f.Adjustments with { Explanation = adjustments },
            f.Adjusted with { Explanation = Explanations.Of($"{amount(i)} + {amount(a)}", ("initial", i), ("adjustments", a)) },
            f.Executed with { Explanation = executed },
            f.AdjustmentRate with
            {
                Explanation = i == 0
                    ? Explanations.Of(Messages.NoAdjustmentRate.Current, ("initial", i))
                    : Explanations.Of($"{amount(a)} / {amount(i)} × 100", ("adjustments", a), ("initial", i)),
            },
            f.ExecutionRate with
            {
                Explanation = adjusted == 0
                    ? Explanations.Of(Messages.NoExecutionRate.Current, ("adjusted", adjusted))
                    : Explanations.Of($"{amount(e)} / {amount(adjusted)} × 100", ("executed", e), ("adjusted", adjusted)),
            });
    }
}
