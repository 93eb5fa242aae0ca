using Microsoft.Extensions.DependencyInjection;
using PerfEval.DataGenerator;
using PerfEval.FunctionalTests.Adjustments;
using PerfEval.FunctionalTests.Security;
using PerfEval.Infrastructure;

namespace PerfEval.FunctionalTests.SqlServer;

/// <summary>The service on a database of its own on the SQL Server of <see cref="SqlServerTarget"/>.</summary>
public sealed class SqlServerRunFactory : PerfEvalFactory
{
    protected override string? SqlServer => SqlServerTarget.ConnectionStringAsync().GetAwaiter().GetResult();
}

/// <summary>
/// The SQL Server functional run: the main flows over HTTP on SQL Server (the whole suite also runs
/// there when PERFEVAL_TEST_SQLSERVER is set). Reported skipped, with the reason, where no server
/// can be had.
/// </summary>
public sealed class SqlServerRunTests(SqlServerRunFactory factory) : IClassFixture<SqlServerRunFactory>
{
    private const int Year = 2035;

    [SqlServerFact]
    public async Task MainFlows_OnSqlServer_WriteReadPushAndAudit()
    {
        var admin = factory.CreateClient();
        var (code, lineId) = await admin.NewLineAsync(Year, initial: 10_000m, executed: 2_000m);

        var pushed = await admin.PushCreatedAsync([MoreTestData.Adjustment(code, Year, lineId, 100.10m)]);
        var line = await admin.LineAsync(code, Year, lineId);
        var scorecard = await admin.GetAsync($"/api/v1/departments/{code}/evaluations/{Year}");
        var audit = await admin.WalkPagesAsync("/api/v1/audit-events", limit: 100);

        Assert.Equal("100.10", pushed.GetProperty("adjustments")[0].GetProperty("amount").GetRawText());
        Assert.Equal(100.10m, line.GetProperty("adjustmentTotal").GetDecimal());
        Assert.Equal(HttpStatusCode.OK, scorecard.StatusCode);
        Assert.Contains(audit, e => e.GetProperty("entityKey").GetString()?.StartsWith(code + "/", StringComparison.Ordinal) == true);
        await SecurityAssert.ProblemAsync(await admin.GetAsync("/api/v1/departments/NO-SUCH-DEPT"), HttpStatusCode.NotFound);
    }

    /// <summary>The data generator on SQL Server: the handlers' statements as translated there, ids read back in the order written.</summary>
    [SqlServerFact]
    public async Task DataGenerator_OnSqlServer_WritesAYearTheRankingReads()
    {
        const int generatedYear = 2036;
        var counts = await ActivatorUtilities.CreateInstance<YearGenerator>(factory.Services).GenerateAsync(30, generatedYear, seed: 5, CancellationToken.None);
        await factory.Services.RebuildReadModelAsync(CancellationToken.None);
        var ranking = await factory.CreateClient().WalkPagesAsync($"/api/v1/fiscal-years/{generatedYear}/scorecards", limit: 100);
        var adjustments = await factory.CreateClient().WalkPagesAsync($"/api/v1/budget-adjustments?fiscalYear={generatedYear}", limit: 500);

        Assert.Equal(30, counts.Departments);
        Assert.Equal(30, ranking.Count);
        Assert.Equal(counts.Adjustments, adjustments.Count);
    }
}
