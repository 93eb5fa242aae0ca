using System.Diagnostics;
using System.Text.RegularExpressions;
using FluentValidation;
using Microsoft.Extensions.Logging;
using PerfEval.Application.Adjustments;
using PerfEval.Application.Adjustments.Push;
using PerfEval.Application.Budgets;
using PerfEval.Application.Common;
using PerfEval.Application.Departments;
using PerfEval.Application.Evaluations;
using PerfEval.Application.FiscalYears;
using PerfEval.Application.Indicators;
using PerfEval.Application.Projects;
using PerfEval.Infrastructure.Persistence;

namespace PerfEval.DataGenerator;

/// <summary>
/// Writes a generated fiscal year of many departments (<see cref="GeneratedDepartmentYear"/>) into
/// the configured database, SQLite or SQL Server, in one unit of work: all of it or nothing. The year
/// is opened by <see cref="CreateFiscalYear"/>'s own handler; every row after it is written with the
/// statement and the parameters of the command that writes such a row in the service (create
/// department, project, budget line, indicator, save evaluation, push adjustments), a chunk of
/// departments at a time, each statement prepared once for the chunk, because sending some 265,000
/// commands one by one (each its own transaction and read-model refresh) would take many minutes for
/// 10,000 departments. The read model is not touched: the caller rebuilds it afterwards.
/// </summary>
public sealed partial class YearGenerator(IUnitOfWork unitOfWork, MigrationRunner migrations, ILogger<YearGenerator> logger)
{
    /// <summary>The client the generated adjustments are recorded for.</summary>
    public const string ClientName = "data-generator";

    /// <summary>Departments written per round: their codes stay under both providers' parameter limits.</summary>
    private const int ChunkSize = 500;

    /// <summary>Progress is logged every this many departments.</summary>
    private const int ProgressEvery = 1_000;

    /// <summary>A generated department that another generated year already wrote is kept as it is.</summary>
    private const string ExistingDepartmentsSql = "SELECT code FROM departments WHERE code IN @Codes";

    // The ids the database gave a chunk's projects and lines, in the order they were written (one
    // writer holds the year: it was created in this transaction).
    private const string ProjectIdsOfDepartmentsSql = "SELECT id FROM projects WHERE fiscal_year = @Year AND department_code IN @Codes ORDER BY id";

    private const string LineIdsOfDepartmentsSql = "SELECT id FROM budget_lines WHERE fiscal_year = @Year AND department_code IN @Codes ORDER BY id";

    public sealed record Counts(int Departments, int Lines, int Projects, int Adjustments, int Indicators);

    /// <summary>When the year is generated: every generated row is written at this time (the same seed, the same rows).</summary>
    public static DateTimeOffset WrittenAt(int year) => new(year + 1, 3, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Generates <paramref name="departments"/> departments' <paramref name="year"/> (migrating the
    /// database first). Throws <see cref="GenerationRefusedException"/>, having written nothing, when
    /// the year exists or the options are out of range.
    /// </summary>
    public async Task<Counts> GenerateAsync(int departments, int year, int seed, CancellationToken ct)
    {
        if (departments is < 1 or > 99_999)
        {
            throw new GenerationRefusedException($"--departments must be between 1 and 99999 (codes GEN00001…GEN99999); {departments} was given.");
        }

        var open = new CreateFiscalYear(year, FiscalYearStatus.Evaluation);
        if (new CreateFiscalYear.Validator().Validate(open) is { IsValid: false } invalid)
        {
            throw new GenerationRefusedException($"--year {year}: {string.Join(" ", invalid.Errors.Select(e => e.ErrorMessage))}");
        }

        var started = Stopwatch.GetTimestamp();
        await migrations.MigrateAsync(ct);
        var session = new DbSession();
        logger.LogInformation("Generating {Year}: {Departments} departments (seed {Seed})", year, departments, seed);
        var counts = await unitOfWork.RunAsync(UnitOfWorkKind.Write, session, () => WriteYearAsync(session, open, departments, seed, started, ct), ct);
        logger.LogInformation(
            "Generated {Year}: {Departments} departments, {Lines} budget lines, {Projects} projects, {Adjustments} adjustments, {Indicators} indicators in {Seconds:0.0} s",
            year, counts.Departments, counts.Lines, counts.Projects, counts.Adjustments, counts.Indicators, Stopwatch.GetElapsedTime(started).TotalSeconds);
        return counts;
    }

    private async Task<Counts> WriteYearAsync(DbSession db, CreateFiscalYear open, int departments, int seed, long started, CancellationToken ct)
    {
        var year = open.Year;
        var now = WrittenAt(year);
        try
        {
            await new CreateFiscalYear.Handler(db, new FixedClock(now)).Handle(open, ct);
        }
        catch (ConflictException)
        {
            throw new GenerationRefusedException(
                $"fiscal year {year} already exists in this database; nothing was written. Give another --year, or another database (--Database:DataFolder, --Database:ConnectionString).");
        }

        var lastAdjustmentBefore = await db.ExecuteScalarAsync<long>(PushBudgetAdjustments.Handler.LastIdSql, null, ct);
        var counts = new Counts(0, 0, 0, 0, 0);
        var adjustmentsDrawn = 0;
        for (var from = 1; from <= departments; from += ChunkSize)
        {
            var chunk = new List<GeneratedDepartmentYear>(ChunkSize);
            for (var index = from; index < from + ChunkSize && index <= departments; index++)
            {
                var drawn = GeneratedDepartmentYear.Draw(index, year, seed, adjustmentsDrawn);
                adjustmentsDrawn += drawn.Lines.Sum(l => l.Adjustments.Count);
                chunk.Add(drawn);
            }

            counts = await WriteChunkAsync(db, chunk, year, now, counts, ct);
            if (counts.Departments % ProgressEvery == 0 && counts.Departments < departments)
            {
                logger.LogInformation("Generating {Year}: {Done} of {Departments} departments in {Seconds:0.0} s",
                    year, counts.Departments, departments, Stopwatch.GetElapsedTime(started).TotalSeconds);
            }
        }

        // As a push does: the ledger's rows in the change feed, unless the database's trigger recorded them.
        if (!db.Dialect.RecordsLedgerAppendsByTrigger)
        {
            await db.ExecuteAsync(BudgetAdjustmentResponse.RecordAppendedInFeedSql, new { After = lastAdjustmentBefore }, ct);
        }

        return counts;
    }

    private static async Task<Counts> WriteChunkAsync(DbSession db, List<GeneratedDepartmentYear> chunk, int year, DateTimeOffset now, Counts counts, CancellationToken ct)
    {
        var codes = chunk.Select(d => d.Department.Code).ToArray();
        var existing = (await db.QueryAsync<string>(ExistingDepartmentsSql, new { Codes = codes }, ct)).ToHashSet(StringComparer.Ordinal);
        await ForEachAsync(db, CreateDepartment.Handler.InsertSql,
            [.. chunk.Where(d => !existing.Contains(d.Department.Code)).Select(d => DepartmentFieldRules.Parameters(d.Department.Code, d.Department, now))], ct);

        var lines = chunk.SelectMany(d => d.Lines).ToList();
        var projects = lines.Where(l => l.Project is not null).Select(l => l.Project!).ToList();
        await ForEachAsync(db, CreateProject.Handler.InsertSql, [.. projects.Select(p => CreateProject.Handler.Parameters(p, now))], ct);
        var projectIds = new Queue<long>(await IdsAsync(db, ProjectIdsOfDepartmentsSql, year, codes, projects.Count, ct));
        var linesToWrite = lines.Select(l => l.Project is null ? l.Line : l.Line with { ProjectId = projectIds.Dequeue() }).ToList();

        await ForEachAsync(db, CreateBudgetLine.Handler.InsertSql, [.. linesToWrite.Select(l => CreateBudgetLine.Handler.Parameters(l, now))], ct);
        var lineIds = await IdsAsync(db, LineIdsOfDepartmentsSql, year, codes, lines.Count, ct);
        var adjustments = lines.SelectMany((l, i) => l.Adjustments.Select(a => (Item: a, LineId: lineIds[i]))).ToList();
        if (adjustments.Count > 0)
        {
            await db.ExecuteForEachAsync(PushBudgetAdjustments.Handler.InsertSql, adjustments, PushBudgetAdjustments.Handler.InsertParameters(ClientName, now), ct);
            var deltas = adjustments.GroupBy(a => a.LineId, a => a.Item.Amount).Select(g => (LineId: g.Key, Delta: g.Sum())).ToList();
            await db.ExecuteForEachAsync(PushBudgetAdjustments.Handler.ApplySql, deltas, PushBudgetAdjustments.Handler.ApplyParameters(now), ct);
        }

        var indicators = chunk.SelectMany(d => d.Indicators).ToList();
        await ForEachAsync(db, CreateIndicator.Handler.InsertSql,
            [.. indicators.Select(i => IndicatorFieldRules.Parameters(0, i.DepartmentCode, i.FiscalYear, i.Sequence!.Value, i, now))], ct);
        await ForEachAsync(db, SaveEvaluation.Handler.InsertSql, [.. chunk.Select(d => SaveEvaluation.Handler.Parameters(d.Evaluation, now))], ct);

        return new Counts(
            counts.Departments + chunk.Count, counts.Lines + lines.Count, counts.Projects + projects.Count,
            counts.Adjustments + adjustments.Count, counts.Indicators + indicators.Count);
    }

    /// <summary>The ids of the rows just written for <paramref name="codes"/>, checked to be as many as were written.</summary>
    private static async Task<List<long>> IdsAsync(DbSession db, string sql, int year, string[] codes, int written, CancellationToken ct)
    {
        var ids = (await db.QueryAsync<long>(sql, new { Year = year, Codes = codes }, ct)).ToList();
        return ids.Count == written
            ? ids
            : throw new InvalidOperationException($"{written} rows were written for {codes.Length} departments of {year}, but {ids.Count} were read back.");
    }

    /// <summary>
    /// Runs a handler's statement once per row, prepared once, binding each row from the parameter
    /// object the handler itself builds: every property the statement names, as Dapper would bind it.
    /// </summary>
    private static Task ForEachAsync(DbSession db, string sql, IReadOnlyList<object> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return Task.CompletedTask;
        }

        var named = Parameter().Matches(sql).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);
        var parameters = rows[0].GetType().GetProperties()
            .Where(p => named.Contains(p.Name))
            .Select(p => (p.Name, (Func<object, object?>)p.GetValue))
            .ToList();
        return db.ExecuteForEachAsync(sql, rows, parameters, ct);
    }

    [GeneratedRegex(@"@(?<name>\w+)")]
    private static partial Regex Parameter();

    /// <summary>The generation's one time: what the fiscal year's handler stamps, as every generated row is.</summary>
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}

/// <summary>The year cannot be generated as asked; nothing was written. The message says why, in one line.</summary>
public sealed class GenerationRefusedException(string message) : Exception(message);
