extern alias api;

using System.Runtime;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using PerfEval.Application.Adjustments;
using PerfEval.Application.Adjustments.Push;

namespace PerfEval.Benchmarks;

/// <summary>
/// The service in-process on Kestrel (a real loopback socket, not the in-memory test server), on a
/// fresh embedded SQLite database in a temp folder, with one benchmark client that may do everything.
/// Console logging is at Warning: the per-request information lines are not part of the measurement.
/// </summary>
internal sealed class AdjustmentService : WebApplicationFactory<api::Program>
{
    public const string ApiKey = "bench-admin-key";
    public const string Url = "/api/v1/budget-adjustments";
    public const int Year = 2031;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>Warm-up rounds in a row that compile fewer than <see cref="FewCompilations"/> methods (timers and the like never stop entirely).</summary>
    private const int SettledRounds = 3;
    private const int FewCompilations = 10;
    private const int MostWarmUpRounds = 60;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "perfeval-bench", Guid.NewGuid().ToString("N"));
    private readonly byte[] _answerBuffer = new byte[64 * 1024];
    private int _sequence;

    public string DataFolder => _folder;

    /// <summary>The lines the generated adjustments land on: 10 departments × 4 lines.</summary>
    public List<(string Code, long LineId)> Lines { get; } = [];

    public HttpClient Client { get; private set; } = null!;

    public static async Task<AdjustmentService> StartAsync()
    {
        // The API's appsettings.json is copied beside this program; it is the content root.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_PERFEVAL_API", AppContext.BaseDirectory);
        var service = new AdjustmentService();
        service.UseKestrel(0);
        service.StartServer();
        service.Client = service.CreateClient();
        service.Client.Timeout = TimeSpan.FromMinutes(10);
        service.Client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        await service.SetUpLinesAsync();
        await service.WarmUpAsync();
        return service;
    }

    /// <summary>
    /// A running service has compiled its request path fully long before a large batch arrives. The
    /// runtime gets there in stages (first quickly, then instrumented, then optimized, each after
    /// about 30 calls and 100 ms without new compilations) on a background thread, which here shares
    /// the machine's two cores with the pushes being timed: after 65 warm-up pushes it still compiled
    /// hundreds of methods per large push, and the pushes timed then were slower (docs/performance.md).
    /// So the warm-up pushes rounds of small and large batches, pausing after each, until the runtime
    /// has compiled next to nothing in <see cref="SettledRounds"/> rounds in a row (about 25 rounds, 20 s).
    /// </summary>
    private async Task WarmUpAsync()
    {
        var settled = 0;
        for (var round = 0; round < MostWarmUpRounds && settled < SettledRounds; round++)
        {
            var compiledBefore = JitInfo.GetCompiledMethodCount();
            for (var i = 0; i < 10; i++)
            {
                await PushAsync(Body(NewItems(20)), Guid.NewGuid().ToString());
            }

            await PushAsync(Body(NewItems(10_000)), Guid.NewGuid().ToString());
            await Task.Delay(TimeSpan.FromMilliseconds(250));
            settled = JitInfo.GetCompiledMethodCount() - compiledBefore < FewCompilations ? settled + 1 : 0;
        }
    }

    /// <summary>Items with source ids never used before, spread round-robin over the lines.</summary>
    public List<AdjustmentItem> NewItems(int count)
    {
        var run = Interlocked.Increment(ref _sequence);
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            var (code, lineId) = Lines[i % Lines.Count];
            return new AdjustmentItem(code, Year, ((i % 997) + 1) / 100m, "新财预〔2031〕1号", "年中追加预算", new DateOnly(Year, 6, 30), "bench", $"r{run}-{i}", LineId: lineId);
        })];
    }

    /// <summary>The request body as a pushing system sends it: UTF-8 JSON, made before the push is timed.</summary>
    public static byte[] Body(IEnumerable<AdjustmentItem> items) => JsonSerializer.SerializeToUtf8Bytes(new { adjustments = items.ToArray() }, Json);

    /// <summary>
    /// Sends the body and reads the whole response through one reused buffer; the number of response
    /// bytes. A pushing system is another process: reading a 3 MB answer into fresh arrays here would
    /// put its collections on the service's collector, which in this process is the same one.
    /// </summary>
    public async Task<int> PushAsync(byte[] body, string key)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
        using var request = new HttpRequestMessage(HttpMethod.Post, Url) { Content = content };
        request.Headers.Add("Idempotency-Key", key);
        using var response = await Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        if ((int)response.StatusCode != 201)
        {
            var problem = await response.Content.ReadAsStringAsync();
            throw new InvalidOperationException($"Push answered {(int)response.StatusCode}: {problem[..Math.Min(problem.Length, 500)]}");
        }

        await using var answer = await response.Content.ReadAsStreamAsync();
        var bytes = 0;
        int read;
        while ((read = await answer.ReadAsync(_answerBuffer)) > 0)
        {
            bytes += read;
        }

        return bytes;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Benchmark");
        builder.UseSetting("Demo:Enabled", "false");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:DataFolder", _folder);
        builder.UseSetting("Security:RequestsPerMinute", "100000000");
        builder.UseSetting("Security:ApiKeys:0:Client", "bench-admin");
        builder.UseSetting("Security:ApiKeys:0:KeySha256", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ApiKey))));
        string[] scopes = ["perf.read", "data.write", "adjustments.write", "admin"];
        for (var s = 0; s < scopes.Length; s++)
        {
            builder.UseSetting($"Security:ApiKeys:0:Scopes:{s}", scopes[s]);
        }

        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leaked temp folder only.
        }
    }

    private async Task SetUpLinesAsync()
    {
        await PostAsync("/api/v1/fiscal-years", new { year = Year, status = "open", scoringSchemeId = (long?)null });
        for (var d = 0; d < 10; d++)
        {
            var code = $"BENCH-{d}";
            await PostAsync("/api/v1/departments", new
            {
                code,
                name = "基准测试单位",
                region = "高新区（新市区）",
                parentCode = (string?)null,
                unitType = "行政单位",
                level = "科级",
                functions = "承担测试工作。",
                staffing = new { administrative = 5, institutional = 3, logistics = 1, actual = 8 },
                divisions = new[] { "综合科" },
            });
            foreach (var (cls, source) in new[] { ("personnel", "ownLevel"), ("operating", "ownLevel"), ("operating", "superior"), ("project", "other") })
            {
                var line = await PostAsync($"/api/v1/departments/{code}/budgets/{Year}/lines", new
                {
                    expenditureClass = cls,
                    fundingSource = source,
                    projectId = (long?)null,
                    initialAmount = 1_000_000_000.00m,
                    executedAmount = 0m,
                });
                Lines.Add((code, line.GetProperty("id").GetInt64()));
            }
        }
    }

    private async Task<JsonElement> PostAsync(string url, object body)
    {
        using var response = await Client.PostAsync(url, new StringContent(JsonSerializer.Serialize(body, Json), Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode != 201)
        {
            throw new InvalidOperationException($"POST {url} answered {(int)response.StatusCode}: {text}");
        }

        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
