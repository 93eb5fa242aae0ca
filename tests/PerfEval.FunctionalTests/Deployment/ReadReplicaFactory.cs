using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;

namespace PerfEval.FunctionalTests.Deployment;

/// <summary>
/// The service on an SQLite primary file, with <c>Database:ReadConnectionString</c> naming a second
/// file that stands in for a readable secondary. Without a replica file it is the service on one
/// file, which is how a test puts rows into the "replica" alone.
/// </summary>
public sealed class ReadReplicaFactory(string primaryFile, string? replicaFile = null) : PerfEvalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:ConnectionString", ConnectionString(primaryFile));
        if (replicaFile is not null)
        {
            builder.UseSetting("Database:ReadConnectionString", ConnectionString(replicaFile));
        }
    }

    public static string ConnectionString(string file, bool pooling = true) =>
        new SqliteConnectionStringBuilder { DataSource = file, Pooling = pooling }.ToString();
}
