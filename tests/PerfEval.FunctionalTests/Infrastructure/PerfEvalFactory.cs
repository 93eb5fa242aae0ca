using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.SqlClient;

namespace PerfEval.FunctionalTests.Infrastructure;

/// <summary>
/// The service over real HTTP, on a real database of its own: a fresh SQLite file per test class,
/// or, when <c>PERFEVAL_TEST_SQLSERVER</c> holds a connection string, a fresh SQL Server database.
/// </summary>
public class PerfEvalFactory : WebApplicationFactory<Program>
{
    public const string SqlServerVariable = "PERFEVAL_TEST_SQLSERVER";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "perfeval-tests", Guid.NewGuid().ToString("N"));
    private string? _sqlServerDatabase;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string? SqlServerConnectionString => Environment.GetEnvironmentVariable(SqlServerVariable) is { Length: > 0 } cs ? cs : null;

    /// <summary>The server this factory's database is created on (none: a SQLite file).</summary>
    protected virtual string? SqlServer => SqlServerConnectionString;

    private string? _sqlServer;

    /// <summary>Load the three seed reports at start-up, as a fresh install does.</summary>
    protected virtual bool DemoData => false;

    public string DataFolder => _folder;

    /// <summary>The test clients: key, scopes and (optionally) the one region they are limited to.</summary>
    public static readonly (string Client, string Key, string[] Scopes, string? Region)[] Clients =
    [
        ("test-admin", "test-admin-key", ["perf.read", "data.write", "adjustments.write", "admin"], null),
        ("test-reader", "test-reader-key", ["perf.read"], null),
        ("test-writer", "test-writer-key", ["perf.read", "data.write"], null),
        ("test-pusher", "test-pusher-key", ["perf.read", "adjustments.write"], null),
        ("test-regional", "test-regional-key", ["perf.read", "data.write", "adjustments.write"], RestrictedRegion),
    ];

    public const string AdminKey = "test-admin-key";
    public const string RestrictedRegion = "受限测试区";

    /// <summary>
    /// Whether writes must carry If-Match (the production default). Most tests exercise other rules and
    /// write as a legacy client would; the precondition tests turn it on.
    /// </summary>
    protected virtual bool RequireIfMatch => false;

    /// <summary>Requests per client per minute; the rate-limit tests lower it.</summary>
    protected virtual int RequestsPerMinute => 1_000_000;

    /// <summary>A client with the given key (none: anonymous).</summary>
    public HttpClient CreateClient(string? apiKey)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Remove("X-Api-Key");
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        return client;
    }

    /// <summary>By default a test talks as the admin client, which may do everything.</summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Demo:Enabled", DemoData ? "true" : "false");
        builder.UseSetting("Http:RequireIfMatch", RequireIfMatch ? "true" : "false");
        builder.UseSetting("Security:RequestsPerMinute", RequestsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        for (var i = 0; i < Clients.Length; i++)
        {
            var (name, key, scopes, region) = Clients[i];
            builder.UseSetting($"Security:ApiKeys:{i}:Client", name);
            builder.UseSetting($"Security:ApiKeys:{i}:KeySha256", Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key))));
            for (var s = 0; s < scopes.Length; s++)
            {
                builder.UseSetting($"Security:ApiKeys:{i}:Scopes:{s}", scopes[s]);
            }

            if (region is not null)
            {
                builder.UseSetting($"Security:ApiKeys:{i}:Regions:0", region);
            }
        }

        if ((_sqlServer = SqlServer) is { } server)
        {
            builder.UseSetting("Database:Provider", "SqlServer");
            builder.UseSetting("Database:ConnectionString", CreateSqlServerDatabase(server));
        }
        else
        {
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("Database:DataFolder", _folder);
        }
    }

    private string CreateSqlServerDatabase(string server)
    {
        _sqlServerDatabase = "perfeval_test_" + Guid.NewGuid().ToString("N")[..12];
        using (var master = new SqlConnection(server))
        {
            master.Open();
            using var create = master.CreateCommand();
            create.CommandText = $"CREATE DATABASE [{_sqlServerDatabase}]; ALTER DATABASE [{_sqlServerDatabase}] SET READ_COMMITTED_SNAPSHOT ON;";
            create.ExecuteNonQuery();
        }

        return new SqlConnectionStringBuilder(server) { InitialCatalog = _sqlServerDatabase }.ConnectionString;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing)
        {
            return;
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        SqlConnection.ClearAllPools();
        if (_sqlServerDatabase is not null && _sqlServer is { } server)
        {
            using var master = new SqlConnection(server);
            master.Open();
            using var drop = master.CreateCommand();
            drop.CommandText = $"ALTER DATABASE [{_sqlServerDatabase}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{_sqlServerDatabase}];";
            drop.ExecuteNonQuery();
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only leaks a temp folder.
        }
    }
}

/// <summary>The service as a fresh install starts it: the demo data set loaded.</summary>
public sealed class DemoFactory : PerfEvalFactory
{
    protected override bool DemoData => true;
}

public static class HttpJson
{
    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        return JsonSerializer.Deserialize<T>(body, PerfEvalFactory.Json)
            ?? throw new InvalidOperationException($"Empty body ({(int)response.StatusCode}).");
    }

    public static Task<HttpResponseMessage> PostJsonAsync<T>(this HttpClient client, string url, T body) =>
        client.PostAsJsonAsync(url, body, PerfEvalFactory.Json);

    public static Task<HttpResponseMessage> PutJsonAsync<T>(this HttpClient client, string url, T body) =>
        client.PutAsJsonAsync(url, body, PerfEvalFactory.Json);

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}
