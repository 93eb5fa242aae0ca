using System.Net;
using System.Text.Json;

namespace PerfEval.FunctionalTests.Infrastructure;

/// <summary>Builds the minimum a test needs (a year, a department) over the API itself.</summary>
public static class TestData
{
    private static int _counter;

    public static string NewCode(string prefix = "T") => $"{prefix}-{Interlocked.Increment(ref _counter)}-{Guid.NewGuid().ToString("N")[..6]}".ToUpperInvariant();

    public static async Task EnsureYearAsync(this HttpClient client, int year, string status = "evaluation")
    {
        var response = await client.PostJsonAsync("/api/v1/fiscal-years", new { year, status });
        if (response.StatusCode != HttpStatusCode.Created && response.StatusCode != HttpStatusCode.Conflict)
        {
            throw new InvalidOperationException($"Creating year {year}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    public static object Department(string code, string name = "测试单位", string region = "高新区（新市区）") => new
    {
        code,
        name,
        region,
        parentCode = (string?)null,
        unitType = "行政单位",
        level = "科级",
        functions = "承担测试工作。",
        staffing = new { administrative = 5, institutional = 3, logistics = 1, actual = 8 },
        divisions = new[] { "综合科", "业务科" },
    };

    public static async Task<string> CreateDepartmentAsync(this HttpClient client, string? code = null)
    {
        code ??= NewCode();
        var response = await client.PostJsonAsync("/api/v1/departments", Department(code));
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Creating department: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return code;
    }

    public static async Task CloseYearAsync(this HttpClient client, int year)
    {
        var response = await client.PatchAsync($"/api/v1/fiscal-years/{year}", JsonContent(new { status = "closed" }));
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Closing {year}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    public static StringContent JsonContent(object body) =>
        new(JsonSerializer.Serialize(body, PerfEvalFactory.Json), System.Text.Encoding.UTF8, "application/json");
}
