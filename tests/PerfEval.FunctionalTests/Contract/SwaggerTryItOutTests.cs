using System.Text;

namespace PerfEval.FunctionalTests.Contract;

/// <summary>
/// Swagger UI's "Try it out" sends an operation as the document prefills it: every parameter's
/// example, the first request-body example. On a fresh install (the demo data loaded, If-Match
/// required as in production) those requests must succeed, and the ranking must not lose a
/// department to a prefilled filter.
/// </summary>
public sealed class SwaggerTryItOutTests(SwaggerTryItOutTests.Fresh factory) : IClassFixture<SwaggerTryItOutTests.Fresh>
{
    /// <summary>A fresh install: the demo data, and If-Match required (the production default).</summary>
    public sealed class Fresh : PerfEvalFactory
    {
        protected override bool DemoData => true;

        protected override bool RequireIfMatch => true;
    }

    [Fact]
    public async Task Ranking_AsPrefilled_ListsEveryDemoDepartment()
    {
        var response = await TryAsync("listYearScorecards");

        var body = await response.JsonAsync();
        var codes = body.GetProperty("items").EnumerateArray()
            .Select(item => item.GetProperty("scorecard").GetProperty("departmentCode").GetString())
            .ToList();
        Assert.Equal(["GXQ-CYFWZX", "GXQ-GYYQ", "GXQ-SWJ"], codes.Order().ToList());
    }

    [Fact]
    public async Task Filters_HaveNoPrefilledExample()
    {
        // Paging, sorting and output options change no row set; anything else optional in the query narrows it.
        string[] notFilters = ["limit", "cursor", "sort", "order", "includeTotal", "explain", "format", "dataset"];
        using var client = factory.CreateClient(apiKey: null);
        var document = await (await client.GetAsync("/swagger/v1/swagger.json")).JsonAsync();

        var prefilled = (
            from path in document.GetProperty("paths").EnumerateObject()
            from operation in path.Value.EnumerateObject()
            where operation.Value.ValueKind == JsonValueKind.Object
            from parameter in Parameters(operation.Value)
            where parameter.GetProperty("in").GetString() == "query"
                && !(parameter.TryGetProperty("required", out var required) && required.GetBoolean())
                && !notFilters.Contains(parameter.GetProperty("name").GetString())
                && parameter.TryGetProperty("example", out _)
            select $"{operation.Value.GetProperty("operationId").GetString()}: {parameter.GetProperty("name").GetString()}").ToList();

        Assert.True(prefilled.Count == 0, "Filters with a prefilled example (Swagger UI would hide rows): " + string.Join(", ", prefilled));
    }

    [Theory]
    [InlineData("updateDepartment")]
    [InlineData("saveEvaluation")]
    public async Task Put_AsPrefilled_IsAcceptedOnTheDemoData(string operationId)
    {
        var (path, _, body) = await PrefilledAsync(operationId);

        // The body examples are 商务局's: the path must name it too.
        Assert.NotNull(body);
        Assert.Contains("/GXQ-SWJ", path, StringComparison.Ordinal);
        await TryAsync(operationId);
    }

    [Theory]
    [InlineData("updateFiscalYear")]
    [InlineData("createIndicator")]
    public async Task Write_AsPrefilled_IsAcceptedAndLeavesTheDemoYearWritable(string operationId)
    {
        await TryAsync(operationId);

        using var client = factory.CreateClient();
        var year = await (await client.GetAsync("/api/v1/fiscal-years/2024")).JsonAsync();
        Assert.Equal("evaluation", year.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Push_AsPrefilled_IsRecorded_ReplayedWithItsKey_AndEveryExampleFitsTheDemoData()
    {
        var first = await TryAsync("pushBudgetAdjustments");
        var again = await TryAsync("pushBudgetAdjustments");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());

        // With a new key: the other examples are recorded; the prefilled one is already in the ledger (409, as documented).
        var operation = await OperationAsync("pushBudgetAdjustments");
        var examples = operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("examples")
            .EnumerateObject().ToList();
        Assert.True(examples.Count > 1);
        using var client = factory.CreateClient();
        foreach (var (example, index) in examples.Select((e, i) => (e, i)))
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/budget-adjustments")
            {
                Content = new StringContent(example.Value.GetProperty("value").GetRawText(), Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            var response = await client.SendAsync(request);

            var expected = index == 0 ? HttpStatusCode.Conflict : HttpStatusCode.Created;
            Assert.True(response.StatusCode == expected, $"{example.Name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    private async Task<HttpResponseMessage> TryAsync(string operationId)
    {
        var (path, method, body) = await PrefilledAsync(operationId);
        var operation = await OperationAsync(operationId);
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(method, path);
        foreach (var parameter in Parameters(operation).Where(p => p.GetProperty("in").GetString() == "header"))
        {
            if (parameter.TryGetProperty("example", out var example))
            {
                request.Headers.TryAddWithoutValidation(parameter.GetProperty("name").GetString()!, Text(example));
            }
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        var response = await client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{operationId} as prefilled ({method} {path}): {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response;
    }

    /// <summary>The request Swagger UI builds from the document: path and query from examples, the first body example.</summary>
    private async Task<(string Path, HttpMethod Method, string? Body)> PrefilledAsync(string operationId)
    {
        var (template, method, operation) = await FindAsync(operationId);
        var path = template;
        var query = new List<string>();
        foreach (var parameter in Parameters(operation))
        {
            var name = parameter.GetProperty("name").GetString()!;
            var has = parameter.TryGetProperty("example", out var example);
            switch (parameter.GetProperty("in").GetString())
            {
                case "path":
                    Assert.True(has, $"{operationId}: path parameter {name} has no example");
                    path = path.Replace("{" + name + "}", Uri.EscapeDataString(Text(example)), StringComparison.Ordinal);
                    break;
                case "query" when has:
                    query.Add($"{name}={Uri.EscapeDataString(Text(example))}");
                    break;
            }
        }

        string? body = null;
        if (operation.TryGetProperty("requestBody", out var requestBody))
        {
            body = requestBody.GetProperty("content").GetProperty("application/json").GetProperty("examples")
                .EnumerateObject().First().Value.GetProperty("value").GetRawText();
        }

        return (query.Count == 0 ? path : path + "?" + string.Join('&', query), method, body);
    }

    private async Task<JsonElement> OperationAsync(string operationId) => (await FindAsync(operationId)).Operation;

    private async Task<(string Path, HttpMethod Method, JsonElement Operation)> FindAsync(string operationId)
    {
        using var client = factory.CreateClient(apiKey: null);
        var document = await (await client.GetAsync("/swagger/v1/swagger.json")).JsonAsync();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                if (operation.Value.ValueKind == JsonValueKind.Object
                    && operation.Value.TryGetProperty("operationId", out var id) && id.GetString() == operationId)
                {
                    return (path.Name, new HttpMethod(operation.Name.ToUpperInvariant()), operation.Value);
                }
            }
        }

        throw new InvalidOperationException($"No operation {operationId} in the document.");
    }

    private static IEnumerable<JsonElement> Parameters(JsonElement operation) =>
        operation.TryGetProperty("parameters", out var parameters) ? parameters.EnumerateArray() : [];

    // Swagger UI writes a string example as its text and any other example as its JSON.
    private static string Text(JsonElement example) =>
        example.ValueKind == JsonValueKind.String ? example.GetString()! : example.GetRawText();
}
