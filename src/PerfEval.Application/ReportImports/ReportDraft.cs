using PerfEval.Application.Evaluations;
using PerfEval.Application.Indicators;

namespace PerfEval.Application.ReportImports;

/// <summary>
/// What a report says, read and not yet accepted: every figure as the report states it, each with its
/// evidence and a status. A reviewer confirms or corrects the draft before anything is stored; the
/// reader never fills in a value it is not sure of (<see cref="FieldStatus"/>), and lists what needs a
/// look in <see cref="Flags"/>. Amounts are yuan (元); indicator values keep the report's units.
/// <see cref="DepartmentCode"/> and <see cref="Region"/> are not printed in reports: they are proposed
/// (inferred, with their rule) for a department that does not exist yet, for the reviewer to confirm or
/// correct; a draft stored before they were proposed has them null (missing).
/// </summary>
public sealed record ReportDraft(
    ReportSourceKind Source,
    DraftText Department,
    DraftField<int> FiscalYear,
    DraftField<DateOnly> FilingDate,
    DraftUnitFacts Unit,
    DraftBudget Budget,
    IReadOnlyList<DraftIndicator> Indicators,
    DraftDeclaredResults Declared,
    DraftNarrative Narrative,
    IReadOnlyList<ReviewFlag> Flags,
    string Text,
    DraftText? DepartmentCode = null,
    DraftText? Region = null);

/// <summary>How a field came to hold (or not hold) its value.</summary>
public enum FieldStatus
{
    /// <summary>Printed in the report; every reading agrees.</summary>
    Read,
    /// <summary>Not printed, derived from printed fields by the named <see cref="DraftField{T}.Rule"/>.</summary>
    Inferred,
    /// <summary>Not found: no value.</summary>
    Missing,
    /// <summary>Printed more than once with different values: no value, every reading kept.</summary>
    Conflicting,
    /// <summary>Set by a reviewer (PATCH): the value is the reviewer's, the readings stay as evidence of what was printed.</summary>
    Corrected,
}

/// <summary>Where a value was read: the exact original text and its offsets in <see cref="ReportDraft.Text"/>; for a table cell also the cell.</summary>
public sealed record Evidence(string Text, int Start, int Length, TableCellRef? Cell = null);

/// <summary>A table cell, all numbered from 0: the document's n-th table, its row and column.</summary>
public sealed record TableCellRef(int Table, int Row, int Column);

/// <summary>One place a value was printed.</summary>
public sealed record FieldReading<T>(T Value, Evidence Evidence);

/// <summary>A value (amount, count, rate, date …) with its status and every reading behind it.</summary>
public sealed record DraftField<T>(FieldStatus Status, T? Value, IReadOnlyList<FieldReading<T>> Readings, string? Rule = null)
    where T : struct
{
    public static DraftField<T> Missing { get; } = new(FieldStatus.Missing, null, []);
}

/// <summary>A text as printed (a name, a reason, a section) with its status and readings.</summary>
public sealed record DraftText(FieldStatus Status, string? Value, IReadOnlyList<FieldReading<string>> Readings, string? Rule = null)
{
    public static DraftText Missing { get; } = new(FieldStatus.Missing, null, []);
}

/// <summary>A number with the unit printed after it ("3 项", "35000 万元", "5%", "241亿"); never converted.</summary>
public readonly record struct Quantity(decimal Number, string Unit);

/// <summary>What the reader wants a reviewer to look at: a stable code, the field's path in the draft, and why.</summary>
public sealed record ReviewFlag(string Code, string Path, string Message, IReadOnlyList<Evidence> Evidence);

/// <summary>The unit's facts as printed in 基本概况.</summary>
public sealed record DraftUnitFacts(
    DraftText Functions,
    DraftText UnitType,
    DraftText Level,
    DraftField<int> DivisionCount,
    DraftText DivisionKind,
    DraftText DivisionNames,
    DraftStaffing Staffing);

/// <summary>编制 as printed; a report that prints staffing twice with other numbers leaves those fields conflicting.</summary>
public sealed record DraftStaffing(
    DraftField<int> Total,
    DraftField<int> Administrative,
    DraftField<int> Institutional,
    DraftField<int> Logistics,
    DraftField<int> Actual);

/// <summary>
/// The budget as the report states it, in yuan. <see cref="UseOfFunds"/> is 资金使用主要内容及范围
/// (a total split into basic and project, which some reports print at the executed amount);
/// <see cref="BasicExpenditure"/> is 基本支出和使用情况 (its budget, personnel / operating split, executed).
/// </summary>
public sealed record DraftBudget(
    DraftField<decimal> Initial,
    DraftField<decimal> Adjustments,
    DraftField<decimal> Adjusted,
    DraftField<decimal> Executed,
    DraftFundingSources InitialBySource,
    DraftUseOfFunds UseOfFunds,
    DraftBasicExpenditure BasicExpenditure,
    DraftProjects Projects);

public sealed record DraftFundingSources(DraftField<decimal> Superior, DraftField<decimal> OwnLevel, DraftField<decimal> Other);

public sealed record DraftUseOfFunds(DraftField<decimal> Total, DraftField<decimal> Basic, DraftField<decimal> Project);

public sealed record DraftBasicExpenditure(DraftField<decimal> Budget, DraftField<decimal> Personnel, DraftField<decimal> Operating, DraftField<decimal> Executed);

/// <summary>项目使用情况: how many projects, on and off the performance platform, their totals and per funding source.</summary>
public sealed record DraftProjects(
    DraftField<int> Count,
    DraftField<int> OnPlatform,
    DraftField<int> OffPlatform,
    DraftField<decimal> Budget,
    DraftField<decimal> Executed,
    IReadOnlyList<DraftProjectGroup> BySource);

/// <summary>Projects of one funding source as printed ("本级财力共计4个项目 … 预算金额为 … 执行金额 …").</summary>
public sealed record DraftProjectGroup(string Source, DraftField<int> Count, DraftField<decimal> Budget, DraftField<decimal> Executed);

/// <summary>One performance indicator as printed; <see cref="Operator"/> is missing when the report states none.</summary>
public sealed record DraftIndicator(
    int Sequence,
    DraftText Name,
    DraftText Level1,
    DraftText Level2,
    DraftField<ComparisonOperator> Operator,
    DraftField<Quantity> Target,
    DraftField<Quantity> MidYear,
    DraftField<Quantity> Final,
    DraftField<decimal> DeclaredCompletion,
    DraftField<decimal> Weight,
    DraftField<decimal> DeclaredScore,
    DraftText DeviationReason,
    DraftText MidYearDeviationReason,
    DraftText ImprovementMeasure);

/// <summary>The report's own results: rates in percent, scores in points, as declared (never recomputed here).</summary>
public sealed record DraftDeclaredResults(
    DraftField<decimal> AdjustmentRate,
    DraftField<decimal> ExecutionRate,
    DraftField<decimal> ExecutionScore,
    DraftField<decimal> CompositeScore,
    DraftField<Grade> Grade);

/// <summary>The narrative by heading; the named parts are those of 五 (problems, causes) and 六 (measures, suggestions).</summary>
public sealed record DraftNarrative(
    IReadOnlyList<DraftSection> Sections,
    DraftText Problems,
    DraftText Causes,
    DraftText ImprovementMeasures,
    DraftText Suggestions);

/// <summary>A level-1 section: its heading and its text up to the next level-1 heading.</summary>
public sealed record DraftSection(string Heading, string Text, Evidence Evidence);
