using System.Net.Http.Headers;
using System.Text;

namespace PerfEval.FunctionalTests.Security;

/// <summary>The checks every security test shares: problem details that leak nothing, and the hardening headers.</summary>
public static class SecurityAssert
{
    /// <summary>Text that must never reach a client: stack frames, .NET type names, SQL.</summary>
    private static readonly string[] Leaks =
        ["   at ", "System.", "PerfEval.", "Exception", "SELECT ", "INSERT ", "UPDATE ", "DELETE FROM", "SqlException", "SqlClient"];

    /// <summary>Case-insensitive leaks.</summary>
    private static readonly string[] LeaksIgnoringCase = ["sqlite"];

    /// <summary>
    /// Why this response is not an RFC 9457 problem document (with the expected status, if given) free of
    /// leaks, or null when it is.
    /// </summary>
    public static async Task<string?> ProblemFailureAsync(HttpResponseMessage response, HttpStatusCode? status = null, string? context = null)
    {
        var raw = await response.Content.ReadAsStringAsync();
        var what = $"{context ?? Describe(response)} → {(int)response.StatusCode} {response.Content.Headers.ContentType}: {Shorten(raw)}";
        if (status is { } expected && response.StatusCode != expected)
        {
            return $"expected {(int)expected}, got {what}";
        }

        if ((int)response.StatusCode < 400)
        {
            return $"expected an error, got {what}";
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"not application/problem+json: {what}";
        }

        if (LeakIn(raw) is { } leak)
        {
            return $"the body contains '{leak}': {what}";
        }

        try
        {
            var problem = JsonDocument.Parse(raw).RootElement;
            if (!problem.TryGetProperty("status", out var s) || s.ValueKind != JsonValueKind.Number || s.GetInt32() != (int)response.StatusCode)
            {
                return $"the problem's status does not match the response's: {what}";
            }

            if (!problem.TryGetProperty("title", out var title) || string.IsNullOrWhiteSpace(title.GetString()))
            {
                return $"the problem has no title: {what}";
            }
        }
        catch (JsonException)
        {
            return $"the body is not JSON: {what}";
        }

        return null;
    }

    /// <summary>The response is problem details (with this status, if given) and leaks nothing; returns the document.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode? status = null, string? context = null)
    {
        var failure = await ProblemFailureAsync(response, status, context);
        Assert.True(failure is null, failure);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>A 4xx problem document (never 5xx, never success), free of leaks.</summary>
    public static async Task<JsonElement> ClientErrorAsync(HttpResponseMessage response, string context)
    {
        var raw = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{context}: expected 4xx, got {(int)response.StatusCode}: {Shorten(raw)}");
        return await ProblemAsync(response, context: context);
    }

    public static string? LeakIn(string body) =>
        Leaks.FirstOrDefault(l => body.Contains(l, StringComparison.Ordinal))
        ?? LeaksIgnoringCase.FirstOrDefault(l => body.Contains(l, StringComparison.OrdinalIgnoreCase));

    /// <summary>Why this response lacks a hardening header, or null: nosniff everywhere, no-store under /api, no Server header.</summary>
    public static string? HardeningFailure(HttpResponseMessage response, string path)
    {
        var what = $"{path} → {(int)response.StatusCode}";
        if (!Header(response, "X-Content-Type-Options").Contains("nosniff", StringComparer.OrdinalIgnoreCase))
        {
            return $"{what}: no X-Content-Type-Options: nosniff";
        }

        if (Header(response, "Server").Count > 0)
        {
            return $"{what}: Server header '{string.Join(",", Header(response, "Server"))}'";
        }

        if (path.StartsWith("/api", StringComparison.Ordinal)
            && !(response.Headers.CacheControl?.NoStore ?? false))
        {
            return $"{what}: Cache-Control is '{response.Headers.CacheControl}', not no-store";
        }

        return null;
    }

    public static void Hardened(HttpResponseMessage response, string path)
    {
        var failure = HardeningFailure(response, path);
        Assert.True(failure is null, failure);
    }

    public static IReadOnlyList<string> Header(HttpResponseMessage response, string name)
    {
        var values = new List<string>();
        if (response.Headers.TryGetValues(name, out var h))
        {
            values.AddRange(h);
        }

        if (response.Content.Headers.TryGetValues(name, out var c))
        {
            values.AddRange(c);
        }

        return values;
    }

    public static void NoFailures(IReadOnlyCollection<string> failures, string what) =>
        Assert.True(failures.Count == 0, $"{failures.Count} {what}:\n" + string.Join("\n", failures));

    public static string Shorten(string text) => text.Length <= 600 ? text : text[..600] + $"… ({text.Length} chars)";

    private static string Describe(HttpResponseMessage response) =>
        $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}";

    public static ByteArrayContent RawJson(byte[] bytes, string mediaType = "application/json")
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType) { CharSet = mediaType.Contains("json", StringComparison.Ordinal) ? "utf-8" : null };
        return content;
    }

    public static StringContent Text(string body, string mediaType = "application/json") => new(body, Encoding.UTF8, mediaType);
}

/// <summary>One department-year with a line, a project, an indicator and a June monitoring round, created as admin, the default scoring scheme and an uploaded report.</summary>
public sealed record World(string Code, string Region, int Year, long LineId, long ProjectId, long IndicatorId, long AdjustmentId, long SchemeId, JsonElement SchemeSettings, long ReportImportId, long MonitoringRoundId)
{
    public const int DefaultYear = 2031;
    public const string OtherRegion = "高新区（新市区）";

    public string DepartmentUrl => $"/api/v1/departments/{Code}";

    public string LineUrl => $"{MoreTestData.LinesUrl(Code, Year)}/{LineId}";

    public string ProjectUrl => $"/api/v1/projects/{ProjectId}";

    public string IndicatorUrl => $"{MoreTestData.IndicatorsUrl(Code, Year)}/{IndicatorId}";

    public string AdjustmentUrl => $"{AdjustmentsUrl}/{AdjustmentId}";

    public const string AdjustmentsUrl = "/api/v1/budget-adjustments";

    /// <summary>A push of one adjustment to this world's line (the body of POST /api/v1/budget-adjustments).</summary>
    public object Push(decimal amount = 1m, long? lineId = null, string? code = null) =>
        new { adjustments = new[] { MoreTestData.Adjustment(code ?? Code, Year, lineId ?? LineId, amount) } };

    /// <summary>POST /api/v1/budget-adjustments with this Idempotency-Key, or a fresh one.</summary>
    public static Task<HttpResponseMessage> PushAsync(HttpClient client, object body, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, AdjustmentsUrl) { Content = TestData.JsonContent(body) };
        request.Headers.Add("Idempotency-Key", idempotencyKey ?? Guid.NewGuid().ToString());
        return client.SendAsync(request);
    }

    public static async Task<World> CreateAsync(HttpClient admin, string region = OtherRegion, string? code = null, int year = DefaultYear)
    {
        await admin.CreateYearAsync(year);
        code ??= TestData.NewCode("SEC");
        var created = await admin.PostJsonAsync("/api/v1/departments", TestData.Department(code, region: region));
        if (created.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Creating department {code}: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
        }

        var project = await admin.CreateProjectAsync(code, year);
        var line = await admin.CreateBudgetLineAsync(code, year, "personnel", "ownLevel", 1_000m, 100m);
        var indicator = await admin.CreateIndicatorAsync(code, year);
        var lineId = line.GetProperty("id").GetInt64();
        var pushed = await PushAsync(admin, new { adjustments = new[] { MoreTestData.Adjustment(code, year, lineId, 10m) } });
        if (pushed.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Pushing an adjustment: {(int)pushed.StatusCode} {await pushed.Content.ReadAsStringAsync()}");
        }

        var adjustment = (await pushed.JsonAsync()).GetProperty("adjustments")[0];
        var uploaded = await admin.PostAsync("/api/v1/report-imports", ReportText());
        if (uploaded.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Uploading a report: {(int)uploaded.StatusCode} {await uploaded.Content.ReadAsStringAsync()}");
        }

        var round = await admin.PostJsonAsync($"/api/v1/departments/{code}/monitoring/{year}/rounds", new
        {
            asOf = $"{year}-06-30",
            indicators = new[] { new { indicatorId = indicator.GetProperty("id").GetInt64(), currentValue = 1m } },
        });
        if (round.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Reporting a monitoring round: {(int)round.StatusCode} {await round.Content.ReadAsStringAsync()}");
        }

        var schemes = await (await admin.GetAsync("/api/v1/scoring-schemes")).JsonAsync();
        var scheme = schemes.GetProperty("items")[0];
        return new World(
            code,
            region,
            year,
            lineId,
            project.GetProperty("id").GetInt64(),
            indicator.GetProperty("id").GetInt64(),
            adjustment.GetProperty("id").GetInt64(),
            scheme.GetProperty("id").GetInt64(),
            scheme.GetProperty("settings").Clone(),
            (await uploaded.JsonAsync()).GetProperty("id").GetInt64(),
            (await round.JsonAsync()).GetProperty("id").GetInt64());
    }

    /// <summary>A report as UTF-8 text (the body of POST /api/v1/report-imports): seed 000.</summary>
    /// <summary>Seed 000 naming a department of its own, so each world's draft commits into a department-year of its own.</summary>
    public static StringContent ReportText() =>
        SecurityAssert.Text(
            PerfEval.UnitTests.ReportImports.ReportFixtures.SeedText("seed-000")
                .Replace("工业园区管理办公室", "工业园区管理办公室" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(), StringComparison.Ordinal),
            "text/plain");
}
