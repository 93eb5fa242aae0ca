using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PerfEval.Application.Budgets;
using PerfEval.Application.Common;
using PerfEval.Application.Evaluations;
using PerfEval.Application.FiscalYears;
using PerfEval.Application.Indicators;
using PerfEval.Application.Scoring;

namespace PerfEval.Application.ReadModel;

/// <summary>
/// Keeps the <c>scorecards</c> table equal to the rules applied to the current data. Each
/// department-year named is scored again from its lines, indicators and declared figures, a chunk of
/// departments at a time (five queries per chunk); a row is written, and a <c>scorecard</c> change
/// recorded in the feed, only where the card differs from the one kept. A department-year with nothing
/// stored any more loses its row. Runs in the caller's write transaction.
/// </summary>
internal sealed class ScorecardReadModel(DbSession db, TimeProvider clock)
{
    /// <summary>
    /// The version of the scoring rules and of the card's shape. Raise it with any change to either:
    /// a service that finds the read model built by another version rebuilds it at start-up.
    /// 2: basic-expenditure lines without a personnel / operating split, and lines of unstated funding
    /// source (whose presence leaves declared per-source figures unchecked).
    /// </summary>
    public const int RulesVersion = 5;

    /// <summary>Departments scored per round: the lists stay under both providers' parameter limits.</summary>
    internal const int ChunkSize = 500;

    /// <summary>Chunks of fewer department-years are scored on the calling thread: a single write's refresh needs no other.</summary>
    private const int ParallelFrom = 64;

    /// <summary>Sort keys hold a rate or score in ten-thousandths (exact for up to 4 decimals).</summary>
    private const decimal KeyScale = 10_000m;

    private const string YearsOfSchemeSql = "SELECT year FROM fiscal_years WHERE scoring_scheme_id = @SchemeId ORDER BY year";

    private const string DepartmentsOfYearSql = """
        SELECT department_code FROM budget_lines WHERE fiscal_year = @Year
        UNION SELECT department_code FROM indicators WHERE fiscal_year = @Year
        UNION SELECT department_code FROM evaluations WHERE fiscal_year = @Year
        UNION SELECT department_code FROM scorecards WHERE fiscal_year = @Year
        """;

    /// <summary>The kept cards, locked until the transaction ends (SQL Server; SQLite has one writer), so two writers refresh a card one after the other.</summary>
    private const string KeptSql = """
        SELECT department_code AS DepartmentCode, scheme_id AS SchemeId, scheme_version AS SchemeVersion, card_hash AS CardHash, version AS Version
        FROM scorecards /*FOR UPDATE*/
        WHERE fiscal_year = @Year AND department_code IN @Codes
        """;

    // Only what the rules read: a year's worth of rows is read on a rebuild, and every column costs.
    private const string LinesSql = """
        SELECT department_code AS DepartmentCode, id AS Id, expenditure_class AS ExpenditureClass, funding_source AS FundingSource,
            initial_amount AS InitialAmount, adjustment_total AS AdjustmentTotal, executed_amount AS ExecutedAmount
        FROM budget_lines
        WHERE fiscal_year = @Year AND department_code IN @Codes
        ORDER BY department_code, id
        """;

    private const string IndicatorsSql = """
        SELECT department_code AS DepartmentCode, id AS Id, sequence AS Sequence, name AS Name, kind AS Kind, operator AS Operator,
            target_value AS Target, weight AS Weight, mid_year_value AS MidYearValue, final_value AS FinalValue,
            qualitative_tier AS QualitativeTier, qualitative_score AS QualitativeScore, reviewer_deduction AS ReviewerDeduction,
            deduction_reason AS DeductionReason, deviation_reason AS DeviationReason, declared_completion AS DeclaredCompletion,
            declared_score AS DeclaredScore
        FROM indicators
        WHERE fiscal_year = @Year AND department_code IN @Codes
        ORDER BY department_code, sequence
        """;

    private const string EvaluationsSql = """
        SELECT department_code AS DepartmentCode, declared_initial_budget AS InitialBudget, declared_adjustments AS Adjustments,
            declared_adjusted_budget AS AdjustedBudget, declared_executed AS Executed,
            declared_expenditure_total AS ExpenditureTotal, declared_basic_expenditure AS BasicExpenditure,
            declared_project_expenditure AS ProjectExpenditure, declared_initial_superior AS InitialSuperior,
            declared_initial_own_level AS InitialOwnLevel, declared_initial_other AS InitialOther,
            declared_adjustment_rate AS AdjustmentRate, declared_execution_rate AS ExecutionRate,
            declared_execution_score AS ExecutionScore, declared_composite_score AS CompositeScore, declared_grade AS Grade,
            conflicting_facts AS ConflictingFacts, declared_project_budget AS ProjectBudget, declared_project_executed AS ProjectExecuted,
            declared_personnel AS Personnel, declared_operating AS Operating
        FROM evaluations
        WHERE fiscal_year = @Year AND department_code IN @Codes
        """;

    private const string YearClosedSql = "SELECT COUNT(*) FROM fiscal_years WHERE year = @Year AND closed_at IS NOT NULL";

    /// <summary>Departments whose data changed after their year closed.</summary>
    private const string ChangedAfterCloseSql = """
        SELECT l.department_code FROM budget_lines l JOIN fiscal_years y ON y.year = l.fiscal_year
        WHERE l.fiscal_year = @Year AND l.department_code IN @Codes AND y.closed_at IS NOT NULL AND l.updated_at > y.closed_at
        UNION
        SELECT i.department_code FROM indicators i JOIN fiscal_years y ON y.year = i.fiscal_year
        WHERE i.fiscal_year = @Year AND i.department_code IN @Codes AND y.closed_at IS NOT NULL AND i.updated_at > y.closed_at
        UNION
        SELECT e.department_code FROM evaluations e JOIN fiscal_years y ON y.year = e.fiscal_year
        WHERE e.fiscal_year = @Year AND e.department_code IN @Codes AND y.closed_at IS NOT NULL AND e.updated_at > y.closed_at
        UNION
        SELECT a.department_code FROM budget_adjustments a JOIN fiscal_years y ON y.year = a.fiscal_year
        WHERE a.fiscal_year = @Year AND a.department_code IN @Codes AND y.closed_at IS NOT NULL AND a.created_at > y.closed_at
        """;

    private const string InsertSql = """
        INSERT INTO scorecards (department_code, fiscal_year, scheme_id, scheme_version, initial_budget, adjusted_budget,
            executed_amount, execution_rate, execution_rate_key, execution_score, weight_total, composite_score, composite_key,
            grade, error_count, warning_count, info_count, finding_codes, card, card_hash, version, updated_at)
        VALUES (@DepartmentCode, @FiscalYear, @SchemeId, @SchemeVersion, @InitialBudget, @AdjustedBudget,
            @ExecutedAmount, @ExecutionRate, @ExecutionRateKey, @ExecutionScore, @WeightTotal, @CompositeScore, @CompositeKey,
            @Grade, @ErrorCount, @WarningCount, @InfoCount, @FindingCodes, @Card, @CardHash, @Version, @Now)
        """;

    private const string UpdateSql = """
        UPDATE scorecards SET scheme_id = @SchemeId, scheme_version = @SchemeVersion, initial_budget = @InitialBudget,
            adjusted_budget = @AdjustedBudget, executed_amount = @ExecutedAmount, execution_rate = @ExecutionRate,
            execution_rate_key = @ExecutionRateKey, execution_score = @ExecutionScore, weight_total = @WeightTotal,
            composite_score = @CompositeScore, composite_key = @CompositeKey, grade = @Grade, error_count = @ErrorCount,
            warning_count = @WarningCount, info_count = @InfoCount, finding_codes = @FindingCodes, card = @Card,
            card_hash = @CardHash, version = @Version, updated_at = @Now
        WHERE department_code = @DepartmentCode AND fiscal_year = @FiscalYear
        """;

    private const string DeleteSql = "DELETE FROM scorecards WHERE department_code = @DepartmentCode AND fiscal_year = @FiscalYear";

    private const string RecordInFeedSql = """
        INSERT INTO changes (entity_type, entity_key, department_code, version, operation, changed_at)
        VALUES ('scorecard', @EntityKey, @DepartmentCode, @Version, @Operation, @Now)
        """;

    private static readonly (string, Func<Row, object?>)[] RowParameters =
    [
        ("DepartmentCode", r => r.DepartmentCode),
        ("FiscalYear", r => r.FiscalYear),
        ("SchemeId", r => r.SchemeId),
        ("SchemeVersion", r => r.SchemeVersion),
        ("InitialBudget", r => r.Card!.Budget.Initial),
        ("AdjustedBudget", r => r.Card!.Budget.Adjusted),
        ("ExecutedAmount", r => r.Card!.Budget.Executed),
        ("ExecutionRate", r => r.Card!.Budget.ExecutionRate),
        ("ExecutionRateKey", r => SortKey(r.Card!.Budget.ExecutionRate)),
        ("ExecutionScore", r => r.Card!.ExecutionScore),
        ("WeightTotal", r => r.Card!.WeightTotal),
        ("CompositeScore", r => r.Card!.CompositeScore),
        ("CompositeKey", r => SortKey(r.Card!.CompositeScore)),
        ("Grade", r => r.Card!.Grade?.ToString()),
        ("ErrorCount", r => r.Card!.FindingCounts.Error),
        ("WarningCount", r => r.Card!.FindingCounts.Warning),
        ("InfoCount", r => r.Card!.FindingCounts.Info),
        ("FindingCodes", r => FindingCodesOf(r.Card!)),
        ("Card", r => r.Json),
        ("CardHash", r => r.Hash),
        ("Version", r => r.Version),
        ("Now", r => r.Now),
    ];

    private static readonly (string, Func<Row, object?>)[] KeyParameters =
    [
        ("DepartmentCode", r => r.DepartmentCode),
        ("FiscalYear", r => r.FiscalYear),
    ];

    private static readonly (string, Func<Row, object?>)[] FeedParameters =
    [
        ("EntityKey", r => $"{r.DepartmentCode}/{r.FiscalYear}"),
        ("DepartmentCode", r => r.DepartmentCode),
        ("Version", r => r.Version),
        ("Operation", r => r.Operation),
        ("Now", r => r.Now),
    ];

    /// <summary>Brings every scorecard <paramref name="affected"/> names up to date; returns how many changed.</summary>
    public async Task<int> RefreshAsync(ScorecardsAffected affected, CancellationToken ct)
    {
        var years = affected.Years.ToHashSet();
        if (affected.SchemeId is { } schemeId)
        {
            years.UnionWith(await db.QueryAsync<int>(YearsOfSchemeSql, new { SchemeId = schemeId }, ct));
        }

        var changed = 0;
        foreach (var year in years.Order())
        {
            changed += await RefreshYearAsync(year, ct);
        }

        foreach (var group in affected.DepartmentYears.Where(d => !years.Contains(d.FiscalYear)).GroupBy(d => d.FiscalYear))
        {
            changed += await RefreshAsync(group.Key, [.. group.Select(d => d.DepartmentCode)], ct);
        }

        return changed;
    }

    /// <summary>Every department-year of <paramref name="year"/>: those with data, and those whose kept card must go.</summary>
    public async Task<int> RefreshYearAsync(int year, CancellationToken ct) =>
        await RefreshAsync(year, [.. await db.QueryAsync<string>(DepartmentsOfYearSql, new { Year = year }, ct)], ct);

    private async Task<int> RefreshAsync(int year, IReadOnlyCollection<string> departmentCodes, CancellationToken ct)
    {
        var scheme = await YearScheme.LoadAsync(db, year, ct);
        var now = clock.GetUtcNow();
        var changed = 0;

        // In code order, so concurrent writers on SQL Server lock kept cards in the same order.
        foreach (var codes in departmentCodes.Distinct().Order(StringComparer.Ordinal).Chunk(ChunkSize))
        {
            var kept = (await db.QueryAsync<KeptCard>(KeptSql, new { Year = year, Codes = codes }, ct)).ToDictionary(k => k.DepartmentCode);
            var inputs = await InputsAsync(db, year, codes, ct);

            // Scoring and shaping the cards is the CPU-bound part of a wide refresh: on every core.
            var cards = codes.AsParallel().AsOrdered().WithDegreeOfParallelism(codes.Length < ParallelFrom ? 1 : Environment.ProcessorCount)
                .Select(code => (Code: code, Card: inputs.TryGetValue(code, out var input) ? Card(input, scheme) : default))
                .ToList();
            var inserted = new List<Row>();
            var updated = new List<Row>();
            var deleted = new List<Row>();
            foreach (var (code, card) in cards)
            {
                var was = kept.GetValueOrDefault(code);
                if (card.Json is null)
                {
                    if (was is not null)
                    {
                        deleted.Add(new Row(code, year, scheme, null, null, null, was.Version + 1, "Deleted", now));
                    }
                }
                else if (was is null)
                {
                    inserted.Add(new Row(code, year, scheme, card.Card, card.Json, card.Hash, 1, "Created", now));
                }
                else if (was.CardHash != card.Hash || was.SchemeId != scheme.SchemeId || was.SchemeVersion != scheme.Version)
                {
                    updated.Add(new Row(code, year, scheme, card.Card, card.Json, card.Hash, was.Version + 1, "Updated", now));
                }
            }

            await WriteAsync(InsertSql, inserted, RowParameters, ct);
            await WriteAsync(UpdateSql, updated, RowParameters, ct);
            await WriteAsync(DeleteSql, deleted, KeyParameters, ct);
            var feed = inserted.Concat(updated).Concat(deleted).ToList();
            await WriteAsync(RecordInFeedSql, feed, FeedParameters, ct);
            changed += feed.Count;
        }

        return changed;
    }

    /// <summary>A department-year's card as kept: its JSON and the hash a later refresh compares with.</summary>
    private static (StoredScorecard? Card, string? Json, string? Hash) Card(ScorecardInput input, YearScheme scheme)
    {
        var card = ScorecardCalculator.Calculate(input, scheme.Settings).ToStored(scheme.Settings);
        var json = JsonSerializer.SerializeToUtf8Bytes(card, StoredScorecard.Json);
        return (card, Encoding.UTF8.GetString(json), Convert.ToHexStringLower(SHA256.HashData(json).AsSpan(0, 16)));
    }

    /// <summary>What each department is scored from in the year (at most <see cref="ChunkSize"/>); a department with nothing stored in the year is absent.</summary>
    internal static async Task<Dictionary<string, ScorecardInput>> InputsAsync(DbSession db, int year, IReadOnlyList<string> departmentCodes, CancellationToken ct)
    {
        var key = new { Year = year, Codes = departmentCodes };
        var lines = (await db.ReadAsync(LinesSql, key, LineOf, ct)).ToLookup(l => l.DepartmentCode, l => l.Line);
        var indicators = (await db.ReadAsync(IndicatorsSql, key, IndicatorOf, ct)).ToLookup(i => i.DepartmentCode, i => i.Indicator);
        var evaluations = (await db.ReadAsync(EvaluationsSql, key, DeclaredOf, ct)).ToDictionary(e => e.DepartmentCode);
        var changedAfterClose = await db.ExecuteScalarAsync<int>(YearClosedSql, key, ct) > 0
            ? (await db.QueryAsync<string>(ChangedAfterCloseSql, key, ct)).ToHashSet()
            : [];

        return lines.Select(l => l.Key).Concat(indicators.Select(i => i.Key)).Concat(evaluations.Keys).Distinct().ToDictionary(
            code => code,
            code => new ScorecardInput(
                [.. lines[code]],
                [.. indicators[code]],
                evaluations.GetValueOrDefault(code).Declared ?? DeclaredFigures.None,
                changedAfterClose.Contains(code),
                evaluations.GetValueOrDefault(code).ConflictingFacts));
    }

    private Task WriteAsync(string sql, List<Row> rows, (string, Func<Row, object?>)[] parameters, CancellationToken ct) =>
        rows.Count == 0 ? Task.CompletedTask : db.ExecuteForEachAsync(sql, rows, parameters, ct);

    /// <summary>A rate or score as the integer the views sort and filter on.</summary>
    internal static long? SortKey(decimal? value) => value is { } v ? (long)decimal.Truncate(v * KeyScale) : null;

    private static string FindingCodesOf(StoredScorecard card) =>
        card.Findings.Count == 0 ? "," : "," + string.Join(',', card.Findings.Select(f => f.Code).Distinct()) + ",";

    // Each maps its statement's columns by position, in the order the statement names them.
    private static (string DepartmentCode, BudgetLineInput Line) LineOf(DbDataReader r) => (
        r.GetString(0),
        new BudgetLineInput(Enum.Parse<ExpenditureClass>(r.GetString(2)), Enum.Parse<FundingSource>(r.GetString(3)),
            r.GetDecimal(4), r.GetDecimal(5), r.GetDecimal(6), r.GetInt64(1)));

    private static (string DepartmentCode, IndicatorInput Indicator) IndicatorOf(DbDataReader r) => (
        r.GetString(0),
        new IndicatorInput(
            r.GetInt32(2), r.GetString(3), Enum.Parse<IndicatorKind>(r.GetString(4)), EnumOrNull<ComparisonOperator>(r, 5),
            DecimalOrNull(r, 6), DecimalOrNull(r, 7), DecimalOrNull(r, 8), DecimalOrNull(r, 9), EnumOrNull<QualitativeTier>(r, 10),
            DecimalOrNull(r, 11), DecimalOrNull(r, 12), TextOrNull(r, 13), TextOrNull(r, 14), DecimalOrNull(r, 15), DecimalOrNull(r, 16),
            r.GetInt64(1)));

    private static (string DepartmentCode, DeclaredFigures Declared, IReadOnlyList<string>? ConflictingFacts) DeclaredOf(DbDataReader r) => (
        r.GetString(0),
        new DeclaredFigures(
            DecimalOrNull(r, 1), DecimalOrNull(r, 2), DecimalOrNull(r, 3), DecimalOrNull(r, 4), DecimalOrNull(r, 5), DecimalOrNull(r, 6),
            DecimalOrNull(r, 7), DecimalOrNull(r, 8), DecimalOrNull(r, 9), DecimalOrNull(r, 10), DecimalOrNull(r, 11), DecimalOrNull(r, 12),
            DecimalOrNull(r, 13), DecimalOrNull(r, 14), EnumOrNull<Grade>(r, 15), DecimalOrNull(r, 17), DecimalOrNull(r, 18),
            DecimalOrNull(r, 19), DecimalOrNull(r, 20)),
        ConflictingFactsJson.Read(TextOrNull(r, 16)));

    private static decimal? DecimalOrNull(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetDecimal(i);

    private static string? TextOrNull(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static T? EnumOrNull<T>(DbDataReader r, int i)
        where T : struct, Enum => r.IsDBNull(i) ? null : Enum.Parse<T>(r.GetString(i));

    private sealed record KeptCard
    {
        public required string DepartmentCode { get; init; }
        public long SchemeId { get; init; }
        public int SchemeVersion { get; init; }
        public required string CardHash { get; init; }
        public int Version { get; init; }
    }

    private sealed record Row(string DepartmentCode, int FiscalYear, YearScheme Scheme, StoredScorecard? Card, string? Json, string? Hash, int Version, string Operation, DateTimeOffset Now)
    {
        public long SchemeId => Scheme.SchemeId;

        public int SchemeVersion => Scheme.Version;
    }
}
