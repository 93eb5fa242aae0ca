namespace PerfEval.FunctionalTests.Scratch;

public sealed class ProbeTests(PerfEvalFactory factory) : IClassFixture<PerfEvalFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task Show(string label, HttpResponseMessage r) =>
        Console.Error.WriteLine($"PROBE {label}: {(int)r.StatusCode} {r.Content.Headers.ContentType} {await r.Content.ReadAsStringAsync()}");

    [Fact]
    public async Task Probe()
    {
        await Show("year-min", await _client.PostJsonAsync("/api/v1/fiscal-years", new { year = 2031, status = "open" }));
        await Show("patch-status", await _client.PatchAsync("/api/v1/fiscal-years/2031", TestData.JsonContent(new { status = "evaluation" })));
        var code = await _client.CreateDepartmentAsync();
        await Show("project-q", await _client.PostJsonAsync($"/api/v1/departments/{code}/projects?year=2031", new { name = "p", fundingSource = "ownLevel", onPlatform = true, budget = 10m, executed = 5m }));
        await Show("project-body", await _client.PostJsonAsync($"/api/v1/departments/{code}/projects", new { name = "p", fundingSource = "ownLevel", onPlatform = true, budget = 10m, executed = 5m, fiscalYear = 2031 }));
        await Show("line", await _client.PostJsonAsync($"/api/v1/departments/{code}/budgets/2031/lines", new { expenditureClass = "personnel", fundingSource = "ownLevel", initialAmount = 3m, executedAmount = 1m }));
        await Show("line-full", await _client.PostJsonAsync($"/api/v1/departments/{code}/budgets/2031/lines", new { expenditureClass = "personnel", fundingSource = "ownLevel", projectId = (long?)null, initialAmount = 3m, executedAmount = 1m }));
        await Show("summary", await _client.GetAsync($"/api/v1/departments/{code}/budgets/2031"));
        await Show("ind-min", await _client.PostJsonAsync($"/api/v1/departments/{code}/evaluations/2031/indicators", new { name = "指标", category = "output", subcategory = "quantity", kind = "quantitative", @operator = "atLeast", target = 3m }));
        await Show("text", await _client.PostAsync($"/api/v1/departments/{code}/budgets/2031/lines", new StringContent("{}", System.Text.Encoding.UTF8, "text/plain")));
        await Show("route", await _client.GetAsync("/api/v1/nope"));
        await Show("malformed", await _client.PostAsync($"/api/v1/departments/{code}/budgets/2031/lines", new StringContent("{\"a\":", System.Text.Encoding.UTF8, "application/json")));
    }
}
