using System.Text;
using PerfEval.Application.Adjustments;
using PerfEval.Application.Adjustments.Push;

namespace PerfEval.FunctionalTests.Adjustments;

/// <summary>The budget-adjustment push over HTTP: bodies serialized once (so a retry sends the same bytes), the key header, the ledger and the line totals.</summary>
public static class AdjustmentApi
{
    public const string Url = "/api/v1/budget-adjustments";

    /// <summary>The request body <c>{"adjustments": [...]}</c>, as the wire carries it.</summary>
    public static string Body(IEnumerable<AdjustmentItem> items) =>
        JsonSerializer.Serialize(new { adjustments = items.ToArray() }, PerfEvalFactory.Json);

    public static string NewKey() => Guid.NewGuid().ToString();

    /// <summary>POSTs the body with the given Idempotency-Key header values (none: no header).</summary>
    public static Task<HttpResponseMessage> PushAsync(this HttpClient client, string body, params string[] keys)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Url)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (keys.Length > 0)
        {
            Assert.True(request.Headers.TryAddWithoutValidation("Idempotency-Key", keys), "The header was refused by HttpClient.");
        }

        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PushAsync(this HttpClient client, IEnumerable<AdjustmentItem> items, string key) =>
        client.PushAsync(Body(items), key);

    /// <summary>Pushes, expecting 201, and returns the response body.</summary>
    public static async Task<JsonElement> PushCreatedAsync(this HttpClient client, IEnumerable<AdjustmentItem> items, string? key = null)
    {
        var response = await client.PushAsync(items, key ?? NewKey());
        var raw = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Expected 201, got {(int)response.StatusCode}: {raw}");
        return JsonDocument.Parse(raw).RootElement.Clone();
    }

    /// <summary>The whole ledger of a department, every page.</summary>
    public static Task<List<JsonElement>> LedgerAsync(this HttpClient client, string code) =>
        client.WalkPagesAsync($"{Url}?departmentCode={Uri.EscapeDataString(code)}", 500);

    public static async Task<JsonElement> LineAsync(this HttpClient client, string code, int year, long lineId)
    {
        var response = await client.GetAsync($"{MoreTestData.LinesUrl(code, year)}/{lineId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    public static async Task<string> LineRawAsync(this HttpClient client, string code, int year, long lineId)
    {
        var response = await client.GetAsync($"{MoreTestData.LinesUrl(code, year)}/{lineId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    public static async Task<decimal> AdjustmentTotalAsync(this HttpClient client, string code, int year, long lineId) =>
        (await client.LineAsync(code, year, lineId)).GetProperty("adjustmentTotal").GetDecimal();

    /// <summary>The summary's total row (initial, adjustments, adjusted, executed).</summary>
    public static async Task<JsonElement> SummaryTotalAsync(this HttpClient client, string code, int year)
    {
        var response = await client.GetAsync(MoreTestData.SummaryUrl(code, year));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("total");
    }

    /// <summary>A year (created open when missing), a department and one line in it.</summary>
    public static async Task<(string Code, long LineId)> NewLineAsync(
        this HttpClient admin, int year, decimal initial, decimal executed, string expenditureClass = "project", string fundingSource = "ownLevel")
    {
        await admin.CreateYearAsync(year);
        var code = await admin.CreateDepartmentAsync();
        var line = await admin.CreateBudgetLineAsync(code, year, expenditureClass, fundingSource, initial, executed);
        return (code, line.GetProperty("id").GetInt64());
    }

    /// <summary>The errors of a problem response, by key.</summary>
    public static List<string> ErrorKeys(this JsonElement problem) =>
        problem.TryGetProperty("errors", out var errors) ? [.. errors.EnumerateObject().Select(p => p.Name)] : [];

    public static bool IsReplay(this HttpResponseMessage response) =>
        response.Headers.TryGetValues("Idempotent-Replayed", out var values) && values.Contains("true");

    public static string? ContentType(this HttpResponseMessage response) => response.Content.Headers.ContentType?.MediaType;
}
