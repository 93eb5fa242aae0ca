using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using PerfEval.Infrastructure.Persistence;

namespace PerfEval.FunctionalTests.Deployment;

/// <summary>
/// Queries go to <c>Database:ReadConnectionString</c>, commands to the primary. Two SQLite files play
/// primary and readable secondary; a department that exists only in the "replica" shows which one a
/// request read. SQLite only: the files are opened directly to check where rows landed.
/// </summary>
public sealed class ReadRoutingTests : IDisposable
{
    private const string ReplicaOnlyName = "只在只读副本中的单位";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "perfeval-tests", "routing-" + Guid.NewGuid().ToString("N"));

    private string PrimaryFile => Path.Combine(_folder, "primary.db");

    private string ReplicaFile => Path.Combine(_folder, "replica.db");

    [Fact]
    public async Task GetDepartment_WithReadConnection_ReadsTheReplica()
    {
        if (PerfEvalFactory.SqlServerConnectionString is not null)
        {
            return;
        }

        var code = await ArrangeReplicaOnlyDepartmentAsync();
        using var factory = new ReadReplicaFactory(PrimaryFile, ReplicaFile);
        var client = factory.CreateClient();

        var response = await client.GetAsync($"/api/v1/departments/{code}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ReplicaOnlyName, (await response.JsonAsync()).GetProperty("name").GetString());
        var list = await (await client.GetAsync("/api/v1/departments")).JsonAsync();
        Assert.Contains(list.GetProperty("items").EnumerateArray(), d => d.GetProperty("code").GetString() == code);
        Assert.Equal(0, Count(PrimaryFile, "SELECT COUNT(*) FROM departments"));
    }

    [Fact]
    public async Task CreateDepartment_WithReadConnection_WritesThePrimaryOnlyAndAnswersFromIt()
    {
        if (PerfEvalFactory.SqlServerConnectionString is not null)
        {
            return;
        }

        await ArrangeReplicaOnlyDepartmentAsync();
        using var factory = new ReadReplicaFactory(PrimaryFile, ReplicaFile);
        var client = factory.CreateClient();
        var code = TestData.NewCode();

        var created = await client.PostJsonAsync("/api/v1/departments", TestData.Department(code, name: "新建在主库的单位"));

        // The write's own response is read inside its unit of work, on the primary.
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("新建在主库的单位", (await created.JsonAsync()).GetProperty("name").GetString());
        Assert.Equal(1, Count(PrimaryFile, "SELECT COUNT(*) FROM departments WHERE code = @code", code));
        Assert.Equal(0, Count(ReplicaFile, "SELECT COUNT(*) FROM departments WHERE code = @code", code));
        Assert.Equal(1, Count(PrimaryFile, "SELECT COUNT(*) FROM audit_events WHERE entity_key = @code", code));

        // A query right after the write reads the replica, which has not caught up (here it never does):
        // the staleness a lagging readable secondary allows.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/departments/{code}")).StatusCode);
    }

    [Fact]
    public async Task UpdateDepartment_WhenOnlyTheReplicaHasIt_Returns404BecauseCommandsReadThePrimary()
    {
        if (PerfEvalFactory.SqlServerConnectionString is not null)
        {
            return;
        }

        var code = await ArrangeReplicaOnlyDepartmentAsync();
        using var factory = new ReadReplicaFactory(PrimaryFile, ReplicaFile);
        var client = factory.CreateClient();

        var response = await client.PutJsonAsync($"/api/v1/departments/{code}", new
        {
            name = "改名",
            region = "高新区（新市区）",
            staffing = new { administrative = 1, institutional = 0, logistics = 0, actual = 1 },
            divisions = Array.Empty<string>(),
        });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(0, Count(PrimaryFile, "SELECT COUNT(*) FROM departments WHERE code = @code", code));
        Assert.Equal($"{ReplicaOnlyName} v1", Scalar<string>(ReplicaFile, "SELECT name || ' v' || row_version FROM departments WHERE code = @code", code));
    }

    /// <summary>Both files migrated; one department created through the API in the replica file alone.</summary>
    private async Task<string> ArrangeReplicaOnlyDepartmentAsync()
    {
        Directory.CreateDirectory(_folder);
        foreach (var file in new[] { PrimaryFile, ReplicaFile })
        {
            var connections = new ConnectionFactory(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = ReadReplicaFactory.ConnectionString(file) });
            await new MigrationRunner(connections, NullLogger<MigrationRunner>.Instance).MigrateAsync(CancellationToken.None);
        }

        var code = TestData.NewCode();
        using var replicaAlone = new ReadReplicaFactory(ReplicaFile);
        var created = await replicaAlone.CreateClient().PostJsonAsync("/api/v1/departments", TestData.Department(code, name: ReplicaOnlyName));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(0, Count(PrimaryFile, "SELECT COUNT(*) FROM departments"));
        return code;
    }

    private static long Count(string file, string sql, string? code = null) => Scalar<long>(file, sql, code);

    private static T Scalar<T>(string file, string sql, string? code)
    {
        using var connection = new SqliteConnection(ReadReplicaFactory.ConnectionString(file, pooling: false));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("@code", (object?)code ?? DBNull.Value);
        return (T)command.ExecuteScalar()!;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
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
