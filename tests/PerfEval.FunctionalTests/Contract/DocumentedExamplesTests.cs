using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PerfEval.Api.OpenApi;

namespace PerfEval.FunctionalTests.Contract;

/// <summary>
/// Every documented response example is what the service answers on the demo data: the example's
/// request (its path and query examples, headers, and the request example of the same name) is sent
/// to a fresh install, and the answer is compared with the documented response. Objects must have the
/// same fields and values; a documented list shows some of the live items, in the live order; the
/// values that name when or by whom (timestamps, request ids, the caller, cursors) must be present.
/// Writes each get an install of their own, so no example depends on another.
/// </summary>
public sealed class DocumentedExamplesTests(SwaggerTryItOutTests.Fresh reads) : IClassFixture<SwaggerTryItOutTests.Fresh>
{
    /// <summary>Values that depend on the time or the caller, not on the data.</summary>
    private static readonly HashSet<string> Circumstantial = new(StringComparer.Ordinal)
    {
        "updatedAt", "createdAt", "changedAt", "occurredAt", "closedAt", "requestId", "traceId", "clientName",
    };

    /// <summary>Where the next page starts depends on the page size asked for, not on the data.</summary>
    private const string NextCursor = "nextCursor";

    /// <summary>A conditional GET with the documented ETag would answer 304 without the body to compare.</summary>
    private const string IfNoneMatch = "If-None-Match";

    [Fact]
    public async Task EveryResponseExample_IsWhatTheServiceAnswers_OnTheDemoData()
    {
        var document = await DocumentAsync();
        var exempt = Exempt();
        var failures = new List<string>();
        var checkedCount = 0;
        foreach (var (path, method, operation) in Operations(document))
        {
            var id = operation.GetProperty("operationId").GetString()!;
            foreach (var (name, expected) in ResponseExamples(operation))
            {
                if (exempt.Contains((id, name)))
                {
                    continue;
                }

                checkedCount++;
                if (method == HttpMethod.Get)
                {
                    await CheckAsync(reads, id, name, path, method, operation, expected, failures);
                }
                else
                {
                    await using var install = new SwaggerTryItOutTests.Fresh();
                    await CheckAsync(install, id, name, path, method, operation, expected, failures);
                }
            }
        }

        Assert.True(checkedCount > 30, $"Only {checkedCount} response examples found: the check found too few to mean anything.");
        Assert.True(failures.Count == 0, $"{failures.Count} documented example(s) differ from the live response:\n  " + string.Join("\n  ", failures));
    }

    /// <summary>The examples an endpoint says are not on the demo data (an uploaded file's draft), with its reason.</summary>
    private HashSet<(string, string)> Exempt() =>
        reads.Services.GetRequiredService<IApiDescriptionGroupCollectionProvider>().ApiDescriptionGroups.Items
            .SelectMany(g => g.Items)
            .SelectMany(api => api.ActionDescriptor.EndpointMetadata.OfType<ContractExample>()
                .Where(e => e.NotOnDemoData is { Length: > 0 })
                .Select(e => (api.ActionDescriptor.EndpointMetadata.OfType<IEndpointNameMetadata>().Single().EndpointName, e.Name)))
            .ToHashSet();

    private static async Task CheckAsync(
        PerfEvalFactory install, string id, string name, string template, HttpMethod method, JsonElement operation, JsonElement expected, List<string> failures)
    {
        using var client = install.CreateClient();
        using var request = new HttpRequestMessage(method, Prefilled(template, operation));
        foreach (var parameter in Parameters(operation).Where(p => p.GetProperty("in").GetString() == "header" && p.GetProperty("name").GetString() != IfNoneMatch))
        {
            if (parameter.TryGetProperty("example", out var example))
            {
                request.Headers.TryAddWithoutValidation(parameter.GetProperty("name").GetString()!, Text(example));
            }
        }

        if (RequestExample(operation, name) is { } body)
        {
            request.Content = new StringContent(body.GetRawText(), Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            failures.Add($"{id} ({name}): {(int)response.StatusCode} {text}");
            return;
        }

        if (Environment.GetEnvironmentVariable("PERFEVAL_DUMP") is { } dump)
        {
            File.WriteAllText(Path.Combine(dump, $"{id}-{name}.json"), text);
        }

        using var live = JsonDocument.Parse(text);
        var differences = new List<string>();
        Compare(expected, live.RootElement, "$", differences);
        failures.AddRange(differences.Take(10).Select(d => $"{id} ({name}): {d}"));
    }

    private static void Compare(JsonElement expected, JsonElement actual, string path, List<string> differences)
    {
        if (expected.ValueKind != actual.ValueKind)
        {
            differences.Add($"{path}: documented {Show(expected)}, live {Show(actual)}");
            return;
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var documented = expected.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
                var answered = actual.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
                differences.AddRange(answered.Except(documented).Select(n => $"{path}.{n}: answered, not documented"));
                differences.AddRange(documented.Except(answered).Select(n => $"{path}.{n}: documented, not answered"));
                foreach (var property in expected.EnumerateObject().Where(p => answered.Contains(p.Name)))
                {
                    var value = actual.GetProperty(property.Name);
                    if (property.Name == NextCursor
                        || (Circumstantial.Contains(property.Name) && property.Value.ValueKind != JsonValueKind.Null && value.ValueKind != JsonValueKind.Null))
                    {
                        continue;
                    }

                    Compare(property.Value, value, $"{path}.{property.Name}", differences);
                }

                break;
            case JsonValueKind.Array:
                // A documented list shows some of the live items, in the live order.
                var items = actual.EnumerateArray().ToList();
                var next = 0;
                foreach (var (item, index) in expected.EnumerateArray().Select((item, index) => (item, index)))
                {
                    var found = items.FindIndex(next, candidate => Same(item, candidate));
                    if (found < 0)
                    {
                        var closest = items.Skip(next).Select(candidate => (JsonElement?)candidate).FirstOrDefault(candidate => SameIdentity(item, candidate!.Value))
                            ?? (next < items.Count ? items[next] : null);
                        if (closest is { } other)
                        {
                            Compare(item, other, $"{path}[{index}]", differences);
                        }
                        else
                        {
                            differences.Add($"{path}[{index}]: documented, not among the live items");
                        }

                        return;
                    }

                    next = found + 1;
                }

                break;
            case JsonValueKind.Number:
                // One number, one spelling: 20.00 is not documented as 20.
                if (expected.GetRawText() != actual.GetRawText())
                {
                    differences.Add($"{path}: documented {Show(expected)}, live {Show(actual)}");
                }

                break;
            default:
                if (expected.GetRawText() != actual.GetRawText())
                {
                    differences.Add($"{path}: documented {Show(expected)}, live {Show(actual)}");
                }

                break;
        }
    }

    private static bool Same(JsonElement expected, JsonElement actual)
    {
        var differences = new List<string>();
        Compare(expected, actual, "$", differences);
        return differences.Count == 0;
    }

    /// <summary>Whether two items are about the same thing: the same id, code or position.</summary>
    private static bool SameIdentity(JsonElement expected, JsonElement actual) =>
        expected.ValueKind == JsonValueKind.Object && actual.ValueKind == JsonValueKind.Object
        && new[] { "id", "code", "position", "departmentCode" }.FirstOrDefault(key => expected.TryGetProperty(key, out _)) is { } identity
        && actual.TryGetProperty(identity, out var value) && value.GetRawText() == expected.GetProperty(identity).GetRawText();

    private static string Show(JsonElement value)
    {
        var text = value.GetRawText();
        return text.Length > 120 ? text[..120] + "…" : text;
    }

    private async Task<JsonElement> DocumentAsync()
    {
        using var client = reads.CreateClient(apiKey: null);
        return await (await client.GetAsync("/swagger/v1/swagger.json")).JsonAsync();
    }

    private static IEnumerable<(string Path, HttpMethod Method, JsonElement Operation)> Operations(JsonElement document) =>
        from path in document.GetProperty("paths").EnumerateObject()
        from operation in path.Value.EnumerateObject()
        where operation.Value.ValueKind == JsonValueKind.Object && operation.Value.TryGetProperty("operationId", out _)
        select (path.Name, new HttpMethod(operation.Name.ToUpperInvariant()), operation.Value);

    private static IEnumerable<(string Name, JsonElement Value)> ResponseExamples(JsonElement operation) =>
        from response in operation.GetProperty("responses").EnumerateObject()
        where response.Name.StartsWith('2') && response.Value.TryGetProperty("content", out _)
        from media in response.Value.GetProperty("content").EnumerateObject()
        where media.Name == "application/json" && media.Value.TryGetProperty("examples", out _)
        from example in media.Value.GetProperty("examples").EnumerateObject()
        select (example.Name, example.Value.GetProperty("value"));

    /// <summary>The request example of the same name, else the first (what Swagger UI prefills).</summary>
    private static JsonElement? RequestExample(JsonElement operation, string name)
    {
        if (!operation.TryGetProperty("requestBody", out var body)
            || !body.GetProperty("content").TryGetProperty("application/json", out var media)
            || !media.TryGetProperty("examples", out var examples))
        {
            return null;
        }

        return examples.TryGetProperty(name, out var same) ? same.GetProperty("value") : examples.EnumerateObject().First().Value.GetProperty("value");
    }

    /// <summary>The path and query as Swagger UI fills them from the parameters' examples.</summary>
    private static string Prefilled(string template, JsonElement operation)
    {
        var path = template;
        var query = new List<string>();
        foreach (var parameter in Parameters(operation).Where(p => p.TryGetProperty("example", out _)))
        {
            var name = parameter.GetProperty("name").GetString()!;
            var value = Uri.EscapeDataString(Text(parameter.GetProperty("example")));
            switch (parameter.GetProperty("in").GetString())
            {
                case "path":
                    path = path.Replace("{" + name + "}", value, StringComparison.Ordinal);
                    break;
                case "query":
                    query.Add(string.Create(CultureInfo.InvariantCulture, $"{name}={value}"));
                    break;
            }
        }

        return query.Count == 0 ? path : path + "?" + string.Join('&', query);
    }

    private static IEnumerable<JsonElement> Parameters(JsonElement operation) =>
        operation.TryGetProperty("parameters", out var parameters) ? parameters.EnumerateArray() : [];

    private static string Text(JsonElement example) =>
        example.ValueKind == JsonValueKind.String ? example.GetString()! : example.GetRawText();
}
