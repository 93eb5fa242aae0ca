using PerfEval.Application.Budgets;
using PerfEval.Application.Common;
using PerfEval.Application.FiscalYears;

namespace PerfEval.Application.Adjustments.Push;

public sealed partial record PushBudgetAdjustments
{
    // The line each item names, in a year that is open, of a department the client may see.
    internal sealed partial class Handler
    {
        private const string LinesOfDepartmentsSql = $"""
            SELECT {BudgetLineResponse.Columns} FROM budget_lines
            WHERE fiscal_year = @FiscalYear AND department_code IN @Codes
            """;


        private const string RegionsSql = "SELECT code AS Code, region AS Region FROM departments WHERE code IN @Codes";

        /// <summary>
        /// Each item's line, its year open and its department visible to the client. Departments and
        /// lines are read a chunk of departments at a time, so a batch spread over thousands of
        /// departments costs a few dozen queries, not thousands.
        /// </summary>
        private async Task ResolveLinesAsync(IReadOnlyList<AdjustmentItem> items, BudgetLineResponse?[] lines, Action<int, string> fail, CancellationToken ct)
        {
            var years = new Dictionary<int, FiscalYearStatus?>();
            foreach (var year in items.Select(i => i.FiscalYear).Distinct())
            {
                years[year] = await db.StatusOfYearAsync(year, ct);
            }

            var regions = new Dictionary<string, string>();
            foreach (var chunk in items.Select(i => i.DepartmentCode).Distinct().Chunk(Chunk))
            {
                foreach (var department in await db.QueryAsync<DepartmentRegion>(RegionsSql, new { Codes = chunk }, ct))
                {
                    regions[department.Code] = department.Region;
                }
            }

            var byDepartmentYear = new Dictionary<(string, int), List<BudgetLineResponse>>();
            foreach (var year in items.Where(i => regions.ContainsKey(i.DepartmentCode)).GroupBy(i => i.FiscalYear))
            {
                foreach (var chunk in year.Select(i => i.DepartmentCode).Distinct().Chunk(Chunk))
                {
                    foreach (var line in await db.QueryAsync<BudgetLineResponse>(LinesOfDepartmentsSql, new { FiscalYear = year.Key, Codes = chunk }, ct))
                    {
                        var key = (line.DepartmentCode, line.FiscalYear);
                        (byDepartmentYear.TryGetValue(key, out var list) ? list : byDepartmentYear[key] = []).Add(line);
                    }
                }
            }

            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i];

                // A department outside the client's limits is answered as a missing one: the client
                // cannot learn from a push whether it exists.
                var region = regions.GetValueOrDefault(item.DepartmentCode) is { } found && context.MaySee(item.DepartmentCode, found) ? found : null;

                var status = years[item.FiscalYear];
                if (status is null)
                {
                    fail(i, Messages.YearMissing.Format(item.FiscalYear));
                }
                else if (status == FiscalYearStatus.Closed)
                {
                    fail(i, Messages.YearClosedForBudget.Format(item.FiscalYear));
                }

                if (region is null)
                {
                    fail(i, Messages.DepartmentMissing.Format(item.DepartmentCode));
                    continue;
                }

                var candidates = byDepartmentYear.GetValueOrDefault((item.DepartmentCode, item.FiscalYear)) ?? [];
                lines[i] = item.LineId is { } lineId
                    ? candidates.Find(l => l.Id == lineId)
                    : candidates.Find(l => l.ExpenditureClass == item.ExpenditureClass && l.FundingSource == item.FundingSource && l.ProjectId == item.ProjectId);
                if (lines[i] is null)
                {
                    fail(i, item.LineId is { } id
                        ? Messages.LineMissing.Format(item.DepartmentCode, id, item.FiscalYear)
                        : Messages.LineOfKindMissing.Format(item.DepartmentCode, item.ExpenditureClass, item.FundingSource, item.FiscalYear, item.ProjectId is { } p ? Messages.ForProject.Format(p) : string.Empty));
                }
            }
        }

        private sealed record DepartmentRegion
        {
            public required string Code { get; init; }
            public required string Region { get; init; }
        }
    }
}
