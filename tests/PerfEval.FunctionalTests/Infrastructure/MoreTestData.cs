using MediatR;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using PerfEval.Application.Adjustments;
using PerfEval.Application.Adjustments.Push;

namespace PerfEval.FunctionalTests.Infrastructure;

/// <summary>Builders for years, budget lines, projects, indicators and adjustments, and the checks every problem response shares.</summary>
public static class MoreTestData
{
    /// <summary>Text that must never reach a client: type names, stack frames, SQL.</summary>
    private static readonly string[] Leaks = ["Exception", "   at ", "PerfEval.", "SELECT ", "INSERT ", "UPDATE ", "DELETE FROM", "sqlite", "SqlClient"];

    /// <summary>Creates the year (every field given, so only the year's own rules are in play); an existing year is left as it is.</summary>
    public static async Task CreateYearAsync(this HttpClient client, int year, string status = "open")
    {
        var response = await client.PostJsonAsync("/api/v1/fiscal-years", new { year, status, scoringSchemeId = (long?)null });
        if (response.StatusCode != HttpStatusCode.Created && response.StatusCode != HttpStatusCode.Conflict)
        {
            throw new InvalidOperationException($"Creating year {year}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    public static Task<HttpResponseMessage> PatchYearAsync(this HttpClient client, int year, object body) =>
        client.PatchAsync($"/api/v1/fiscal-years/{year}", TestData.JsonContent(body));

    /// <summary>Moves the year forward (e.g. to "closed"), failing the test when the service refuses.</summary>
    public static async Task MoveYearAsync(this HttpClient client, int year, string status)
    {
        var response = await client.PatchYearAsync(year, new { status, scoringSchemeId = (long?)null });
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Moving {year} to {status}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    public static string LinesUrl(string code, int year) => $"/api/v1/departments/{code}/budgets/{year}/lines";

    public static string SummaryUrl(string code, int year) => $"/api/v1/departments/{code}/budgets/{year}";

    public static string ProjectsUrl(string code, int year) => $"/api/v1/departments/{code}/projects?year={year}";

    public static string IndicatorsUrl(string code, int year) => $"/api/v1/departments/{code}/evaluations/{year}/indicators";

    public static object BudgetLine(string expenditureClass, string fundingSource, decimal initialAmount, decimal executedAmount, long? projectId = null) =>
        new { expenditureClass, fundingSource, projectId, initialAmount, executedAmount };

    public static async Task<JsonElement> CreateBudgetLineAsync(
        this HttpClient client, string code, int year, string expenditureClass, string fundingSource, decimal initialAmount, decimal executedAmount, long? projectId = null)
    {
        var response = await client.PostJsonAsync(LinesUrl(code, year), BudgetLine(expenditureClass, fundingSource, initialAmount, executedAmount, projectId));
        return await CreatedAsync(response, "budget line");
    }

    public static object Project(string name = "高新区电力改造项目", string fundingSource = "ownLevel", bool onPlatform = true, decimal budget = 1_000_000.00m, decimal executed = 900_000.00m) =>
        new { name, fundingSource, onPlatform, budget, executed };

    public static async Task<JsonElement> CreateProjectAsync(this HttpClient client, string code, int year, object? project = null)
    {
        var response = await client.PostJsonAsync(ProjectsUrl(code, year), project ?? Project());
        return await CreatedAsync(response, "project");
    }

    /// <summary>A quantitative ≥ indicator with every field of the request present.</summary>
    public static Dictionary<string, object?> Indicator(
        string name = "重点项目投产数",
        int? sequence = null,
        string category = "output",
        string subcategory = "quantity",
        string kind = "quantitative",
        decimal? target = 3m,
        decimal? finalValue = 3m,
        string? unit = "项",
        string? deviationReason = null) => new()
        {
            ["sequence"] = sequence,
            ["name"] = name,
            ["category"] = category,
            ["subcategory"] = subcategory,
            ["kind"] = kind,
            ["operator"] = kind == "quantitative" ? "atLeast" : null,
            ["target"] = kind == "quantitative" ? target : null,
            ["unit"] = unit,
            ["weight"] = 20m,
            ["midYearValue"] = 1m,
            ["finalValue"] = finalValue,
            ["qualitativeTier"] = kind == "qualitative" ? "achieved" : null,
            ["qualitativeScore"] = kind == "qualitative" ? 18m : null,
            ["deviationReason"] = deviationReason,
            ["improvementMeasure"] = "加强调度。",
            ["evidence"] = "项目投产文件",
            ["reviewerDeduction"] = null,
            ["deductionReason"] = null,
            ["declaredCompletion"] = 100m,
            ["declaredScore"] = 20m,
        };

    public static async Task<JsonElement> CreateIndicatorAsync(this HttpClient client, string code, int year, Dictionary<string, object?>? indicator = null)
    {
        var response = await client.PostJsonAsync(IndicatorsUrl(code, year), indicator ?? Indicator());
        return await CreatedAsync(response, "indicator");
    }

    /// <summary>Follows nextCursor from the first page to the last, collecting every item.</summary>
    public static async Task<List<JsonElement>> WalkPagesAsync(this HttpClient client, string url, int limit)
    {
        var items = new List<JsonElement>();
        string? cursor = null;
        var separator = url.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        for (var pages = 0; ; pages++)
        {
            Assert.True(pages < 1000, "The cursor never ran out.");
            var response = await client.GetAsync($"{url}{separator}limit={limit}" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await response.JsonAsync();
            var pageItems = page.GetProperty("items").EnumerateArray().ToList();
            Assert.True(pageItems.Count <= limit, $"A page held {pageItems.Count} items, more than the limit {limit}.");
            items.AddRange(pageItems);
            cursor = page.GetProperty("nextCursor").GetString();
            if (cursor is null)
            {
                return items;
            }

            Assert.Equal(limit, pageItems.Count);
        }
    }

    /// <summary>The response is RFC 9457 problem details with this status and leaks nothing of the service's insides.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var raw = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {raw}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        AssertNoLeaks(raw);
        var problem = JsonDocument.Parse(raw).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }

    /// <summary>A 400 whose <c>errors</c> name exactly these fields (camelCase, as the JSON spells them), among possibly others.</summary>
    public static async Task<JsonElement> AssertValidationErrorsAsync(this HttpResponseMessage response, params string[] fields)
    {
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.TryGetProperty("errors", out var errors), $"No errors in {problem}");
        var keys = errors.EnumerateObject().Select(p => p.Name).ToList();
        foreach (var field in fields)
        {
            Assert.Contains(field, keys);
        }

        Assert.All(keys, key => Assert.True(key.Length > 0 && !char.IsUpper(key[0]), $"Error key '{key}' is not camelCase."));
        return errors;
    }

    public static void AssertNoLeaks(string body)
    {
        foreach (var leak in Leaks)
        {
            Assert.False(body.Contains(leak, StringComparison.Ordinal), $"The response body contains '{leak}': {body}");
        }
    }

    public static AdjustmentItem Adjustment(string code, int year, long? lineId, decimal amount, string? sourceItemId = null) => new(
        DepartmentCode: code,
        FiscalYear: year,
        Amount: amount,
        DocumentNumber: "新财预〔2031〕1号",
        Reason: "年中追加预算",
        EffectiveDate: new DateOnly(year, 6, 30),
        SourceSystem: "test-platform",
        SourceItemId: sourceItemId ?? Guid.NewGuid().ToString("N"),
        LineId: lineId);

    /// <summary>Sends a request through the service's own MediatR pipeline, in a scope of its own, as a background job would.</summary>
    public static async Task<T> SendAsync<T>(this PerfEvalFactory factory, IRequest<T> request)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    private static async Task<JsonElement> CreatedAsync(HttpResponseMessage response, string what)
    {
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Creating {what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return await response.JsonAsync();
    }
}

/// <summary>A second service instance on the database folder another factory already uses (a restart, or a second replica).</summary>
public sealed class ExistingFolderFactory(string folder) : PerfEvalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Database:DataFolder", folder);
    }
}
