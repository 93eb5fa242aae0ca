using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PerfEval.Application.Common;
using PerfEval.Application.FiscalYears;
using PerfEval.Application.Indicators;
using PerfEval.Application.ReadModel;
using PerfEval.Application.Scoring;

namespace PerfEval.Application.Monitoring;

/// <summary>
/// Keeps the <c>monitoring_cards</c> table equal to the monitoring rules applied to the current data:
/// each round's lights from the round, the department-year's lines (adjusted budget) and indicators
/// (operators and targets) and the year's scheme (thresholds). Runs in the caller's write transaction
/// for whatever a command says it changed (the same <see cref="ScorecardsAffected"/> as scorecards); a
/// row is written, and a <c>monitoring</c> change recorded in the feed, only where the card or its
/// latest flag differs from the one kept.
/// </summary>
internal sealed class MonitoringReadModel(DbSession db, TimeProvider clock)
{
    private const string YearsOfSchemeSql = "SELECT year FROM fiscal_years WHERE scoring_scheme_id = @SchemeId ORDER BY year";

    private const string DepartmentsOfYearSql = """
        SELECT department_code FROM monitoring_rounds WHERE fiscal_year = @Year
        UNION SELECT department_code FROM monitoring_cards WHERE fiscal_year = @Year
        """;

    private const string RoundsSql = """
        SELECT id AS Id, department_code AS DepartmentCode, as_of AS AsOf, budget_cause AS BudgetCause, budget_cause_text AS BudgetCauseText,
            budget_likelihood AS BudgetLikelihood, budget_expected_full_year AS BudgetExpectedFullYear,
            budget_corrective_measure AS BudgetCorrectiveMeasure
        FROM monitoring_rounds
        WHERE fiscal_year = @Year AND department_code IN @Codes
        """;

    private const string KeptSql = """
        SELECT round_id AS RoundId, department_code AS DepartmentCode, is_latest AS IsLatest, scheme_id AS SchemeId,
            scheme_version AS SchemeVersion, card_hash AS CardHash, version AS Version
        FROM monitoring_cards /*FOR UPDATE*/
        WHERE fiscal_year = @Year AND department_code IN @Codes
        """;

    private const string ExecutedSql = """
        SELECT e.round_id AS RoundId, e.executed_amount AS Amount
        FROM monitoring_executions e JOIN monitoring_rounds r ON r.id = e.round_id
        WHERE r.fiscal_year = @Year AND r.department_code IN @Codes
        """;

    private const string ProgressSql = """
        SELECT v.round_id AS RoundId, v.indicator_id AS IndicatorId, v.current_value AS CurrentValue, v.current_tier AS CurrentTier,
            v.expected_full_year AS ExpectedFullYear, v.likelihood AS Likelihood, v.cause AS Cause, v.cause_text AS CauseText,
            v.corrective_measure AS CorrectiveMeasure
        FROM monitoring_indicator_values v JOIN monitoring_rounds r ON r.id = v.round_id
        WHERE r.fiscal_year = @Year AND r.department_code IN @Codes
        """;

    private const string IndicatorsSql = """
        SELECT id AS Id, department_code AS DepartmentCode, sequence AS Sequence, name AS Name, category AS Category,
            subcategory AS Subcategory, kind AS Kind, operator AS Operator, target_value AS Target, unit AS Unit
        FROM indicators
        WHERE fiscal_year = @Year AND department_code IN @Codes
        """;

    // Summed here, not in SQL: SQLite keeps amounts as TEXT and would sum them as binary floating point.
    private const string LinesSql = """
        SELECT department_code AS DepartmentCode, initial_amount AS InitialAmount, adjustment_total AS AdjustmentTotal
        FROM budget_lines
        WHERE fiscal_year = @Year AND department_code IN @Codes
        """;

    private const string InsertSql = """
        INSERT INTO monitoring_cards (round_id, department_code, fiscal_year, as_of, is_latest, scheme_id, scheme_version,
            budget_light, goal_light, combined_light, combined_rank, red_count, yellow_count, green_count, blue_count,
            finding_count, card, card_hash, version, updated_at)
        VALUES (@RoundId, @DepartmentCode, @FiscalYear, @AsOf, @IsLatest, @SchemeId, @SchemeVersion,
            @BudgetLight, @GoalLight, @CombinedLight, @CombinedRank, @RedCount, @YellowCount, @GreenCount, @BlueCount,
            @FindingCount, @Card, @CardHash, @Version, @Now)
        """;

    private const string UpdateSql = """
        UPDATE monitoring_cards SET as_of = @AsOf, is_latest = @IsLatest, scheme_id = @SchemeId, scheme_version = @SchemeVersion,
            budget_light = @BudgetLight, goal_light = @GoalLight, combined_light = @CombinedLight, combined_rank = @CombinedRank,
            red_count = @RedCount, yellow_count = @YellowCount, green_count = @GreenCount, blue_count = @BlueCount,
            finding_count = @FindingCount, card = @Card, card_hash = @CardHash, version = @Version, updated_at = @Now
        WHERE round_id = @RoundId
        """;

    private const string DeleteSql = "DELETE FROM monitoring_cards WHERE round_id = @RoundId";

    private const string RecordInFeedSql = """
        INSERT INTO changes (entity_type, entity_key, department_code, version, operation, changed_at)
        VALUES ('monitoring', @EntityKey, @DepartmentCode, @Version, @Operation, @Now)
        """;

    /// <summary>Brings every monitoring card <paramref name="affected"/> names up to date; returns how many changed.</summary>
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

    /// <summary>Every department of <paramref name="year"/> with a round or a kept card.</summary>
    public async Task<int> RefreshYearAsync(int year, CancellationToken ct) =>
        await RefreshAsync(year, [.. await db.QueryAsync<string>(DepartmentsOfYearSql, new { Year = year }, ct)], ct);

    private async Task<int> RefreshAsync(int year, IReadOnlyCollection<string> departmentCodes, CancellationToken ct)
    {
        YearScheme? scheme = null;
        var now = clock.GetUtcNow();
        var changed = 0;
        foreach (var codes in departmentCodes.Distinct().Order(StringComparer.Ordinal).Chunk(ScorecardReadModel.ChunkSize))
        {
            var key = new { Year = year, Codes = codes };
            var rounds = (await db.QueryAsync<RoundRow>(RoundsSql, key, ct)).ToList();
            var kept = (await db.QueryAsync<KeptCard>(KeptSql, key, ct)).ToDictionary(k => k.RoundId);
            if (rounds.Count == 0 && kept.Count == 0)
            {
                continue;
            }

            scheme ??= await YearScheme.LoadAsync(db, year, ct);
            var executed = (await db.QueryAsync<ExecutedRow>(ExecutedSql, key, ct)).ToLookup(e => e.RoundId, e => e.Amount);
            var progress = (await db.QueryAsync<MonitoringRoundStore.ProgressRow>(ProgressSql, key, ct)).ToLookup(p => p.RoundId);
            var indicators = (await db.QueryAsync<IndicatorRow>(IndicatorsSql, key, ct)).ToLookup(i => i.DepartmentCode);
            var adjusted = (await db.QueryAsync<LineRow>(LinesSql, key, ct))
                .GroupBy(l => l.DepartmentCode)
                .ToDictionary(g => g.Key, g => g.Sum(l => l.InitialAmount + l.AdjustmentTotal));
            var latest = rounds.GroupBy(r => r.DepartmentCode).ToDictionary(g => g.Key, g => g.Max(r => r.AsOf));

            var rows = new List<(Row Row, string Operation)>();
            foreach (var round in rounds)
            {
                var values = progress[round.Id].ToDictionary(p => p.IndicatorId);
                var input = new MonitoringInput(
                    round.AsOf,
                    adjusted.GetValueOrDefault(round.DepartmentCode),
                    executed[round.Id].Any() ? executed[round.Id].Sum() : null,
                    new DeviationExplanation(round.BudgetCause, round.BudgetCauseText, round.BudgetLikelihood, round.BudgetExpectedFullYear, round.BudgetCorrectiveMeasure),
                    [.. indicators[round.DepartmentCode].Select(i => Input(i, values.GetValueOrDefault(i.Id)))]);
                var card = MonitoringRules.Calculate(input, scheme.Settings);
                var json = JsonSerializer.SerializeToUtf8Bytes(card, JsonText.Options);
                var hash = Convert.ToHexStringLower(SHA256.HashData(json).AsSpan(0, 16));
                var isLatest = latest[round.DepartmentCode] == round.AsOf;
                var was = kept.GetValueOrDefault(round.Id);
                kept.Remove(round.Id);
                if (was is not null && was.CardHash == hash && was.IsLatest == (isLatest ? 1 : 0) && was.SchemeId == scheme.SchemeId && was.SchemeVersion == scheme.Version)
                {
                    continue;
                }

                rows.Add((new Row(round.Id, round.DepartmentCode, year, round.AsOf, isLatest, scheme, card, Encoding.UTF8.GetString(json), hash, (was?.Version ?? 0) + 1, now),
                    was is null ? "Created" : "Updated"));
            }

            foreach (var gone in kept.Values)
            {
                await db.ExecuteAsync(DeleteSql, new { gone.RoundId }, ct);
                await db.ExecuteAsync(RecordInFeedSql, new { EntityKey = KeyOf(gone.DepartmentCode, year, gone.RoundId), gone.DepartmentCode, Version = gone.Version + 1, Operation = "Deleted", Now = now }, ct);
                changed++;
            }

            foreach (var (row, operation) in rows)
            {
                await db.ExecuteAsync(operation == "Created" ? InsertSql : UpdateSql, row.Parameters(), ct);
                await db.ExecuteAsync(RecordInFeedSql, new { EntityKey = row.EntityKey, row.DepartmentCode, row.Version, Operation = operation, Now = now }, ct);
                changed++;
            }
        }

        return changed;
    }

    private static MonitoringIndicatorInput Input(IndicatorRow i, MonitoringRoundStore.ProgressRow? p) => new(
        i.Id, i.Sequence, i.Name, i.Category, i.Subcategory, i.Kind, i.Operator, i.Target, i.Unit, p?.CurrentValue, p?.CurrentTier,
        p is null ? DeviationExplanation.None : new DeviationExplanation(p.Cause, p.CauseText, p.Likelihood, p.ExpectedFullYear, p.CorrectiveMeasure));

    /// <summary>The feed's key of a round's card: department, year and round id (stable when the round's date changes).</summary>
    internal static string KeyOf(string departmentCode, int year, long roundId) =>
        $"{departmentCode}/{year.ToString(CultureInfo.InvariantCulture)}/{roundId.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Red first: the year view's sort key.</summary>
    internal static int Rank(MonitoringLight? light) => light is { } l ? MonitoringRules.Severity(l) : 3;

    private sealed record Row(
        long RoundId, string DepartmentCode, int FiscalYear, DateOnly AsOf, bool IsLatest, YearScheme Scheme, MonitoringCard Card,
        string Json, string Hash, int Version, DateTimeOffset Now)
    {
        public string EntityKey => KeyOf(DepartmentCode, FiscalYear, RoundId);

        public object Parameters() => new
        {
            RoundId,
            DepartmentCode,
            FiscalYear,
            AsOf,
            IsLatest = IsLatest ? 1 : 0,
            Scheme.SchemeId,
            SchemeVersion = Scheme.Version,
            BudgetLight = Card.Budget.Light?.ToString(),
            GoalLight = Card.GoalLight?.ToString(),
            CombinedLight = Card.CombinedLight?.ToString(),
            CombinedRank = Rank(Card.CombinedLight),
            RedCount = Card.Indicators.Count(i => i.Light == MonitoringLight.Red),
            YellowCount = Card.Indicators.Count(i => i.Light == MonitoringLight.Yellow),
            GreenCount = Card.Indicators.Count(i => i.Light == MonitoringLight.Green),
            BlueCount = Card.Indicators.Count(i => i.Light == MonitoringLight.Blue),
            FindingCount = Card.Findings.Count,
            Card = Json,
            CardHash = Hash,
            Version,
            Now,
        };
    }

    private sealed record RoundRow
    {
        public long Id { get; init; }
        public required string DepartmentCode { get; init; }
        public DateOnly AsOf { get; init; }
        public DeviationCause? BudgetCause { get; init; }
        public string? BudgetCauseText { get; init; }
        public TargetLikelihood? BudgetLikelihood { get; init; }
        public decimal? BudgetExpectedFullYear { get; init; }
        public string? BudgetCorrectiveMeasure { get; init; }
    }

    private sealed record KeptCard
    {
        public long RoundId { get; init; }
        public required string DepartmentCode { get; init; }
        public int IsLatest { get; init; }
        public long SchemeId { get; init; }
        public int SchemeVersion { get; init; }
        public required string CardHash { get; init; }
        public int Version { get; init; }
    }

    private sealed record ExecutedRow
    {
        public long RoundId { get; init; }
        public decimal Amount { get; init; }
    }

    private sealed record IndicatorRow
    {
        public long Id { get; init; }
        public required string DepartmentCode { get; init; }
        public int Sequence { get; init; }
        public required string Name { get; init; }
        public IndicatorCategory Category { get; init; }
        public IndicatorSubcategory Subcategory { get; init; }
        public IndicatorKind Kind { get; init; }
        public ComparisonOperator? Operator { get; init; }
        public decimal? Target { get; init; }
        public string? Unit { get; init; }
    }

    private sealed record LineRow
    {
        public required string DepartmentCode { get; init; }
        public decimal InitialAmount { get; init; }
        public decimal AdjustmentTotal { get; init; }
    }
}
