using System.Data;
using System.Data.Common;
using System.Reflection;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using PerfEval.Application.Common;

namespace PerfEval.Infrastructure.Persistence;

/// <summary>A numbered <c>.sql</c> script of one provider, embedded in this assembly.</summary>
public sealed record Migration(int Version, string Name, string Script)
{
    /// <summary>SQL Server scripts are split into batches on <c>GO</c> lines, as sqlcmd does.</summary>
    public IEnumerable<string> Batches() =>
        Regex.Split(Script, @"^\s*GO\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)
            .Where(batch => !string.IsNullOrWhiteSpace(batch));
}

public sealed class SchemaTooNewException(int databaseVersion, int serviceVersion)
    : Exception($"The database is at schema version {databaseVersion}, newer than this service knows ({serviceVersion}). Upgrade the service instead of downgrading the database.");

/// <summary>Applies pending migrations in order, all in one transaction, and records each in <c>schema_version</c>.</summary>
public sealed partial class MigrationRunner(ConnectionFactory connections, ILogger<MigrationRunner> logger)
{
    public const string SqliteSchemaVersionTable = """
        CREATE TABLE IF NOT EXISTS schema_version (
            version    INTEGER PRIMARY KEY,
            name       TEXT    NOT NULL,
            applied_at TEXT    NOT NULL
        ) STRICT
        """;

    public const string SqlServerSchemaVersionTable = """
        IF OBJECT_ID(N'dbo.schema_version', N'U') IS NULL
        CREATE TABLE schema_version (
            version    INT               NOT NULL CONSTRAINT pk_schema_version PRIMARY KEY,
            name       NVARCHAR(200)     NOT NULL,
            applied_at DATETIMEOFFSET(7) NOT NULL
        )
        """;

    /// <summary>Replicas starting together wait for one another instead of racing to migrate.</summary>
    public const string SqlServerMigrationLock = """
        EXEC sp_getapplock @Resource = N'perfeval-migrations', @LockMode = N'Exclusive', @LockOwner = N'Transaction', @LockTimeout = 120000
        """;

    private const string CurrentVersionSql = "SELECT COALESCE(MAX(version), 0) FROM schema_version";

    private const string RecordVersionSql = "INSERT INTO schema_version (version, name, applied_at) VALUES (@Version, @Name, @AppliedAt)";

    public static IReadOnlyList<Migration> For(DatabaseProvider provider)
    {
        var assembly = typeof(MigrationRunner).Assembly;
        var prefix = $"{typeof(MigrationRunner).Namespace!.Replace(".Persistence", string.Empty)}.Migrations.{provider}.";
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name => Load(assembly, name, name[prefix.Length..]))
            .OrderBy(m => m.Version)
            .ToList();
    }

    /// <summary>Returns the schema version the database is at afterwards.</summary>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken)
    {
        var provider = connections.Options.Provider;
        var migrations = For(provider);
        var latest = migrations.Count == 0 ? 0 : migrations[^1].Version;

        await using var connection = await connections.OpenAsync(UnitOfWorkKind.Write, cancellationToken);
        if (connection is SqliteConnection)
        {
            // WAL lets readers run beside the single writer; it is a property of the file and persists.
            await connection.ExecuteAsync("PRAGMA journal_mode = WAL;");
        }

        await using var transaction = connection is SqliteConnection sqlite
            ? sqlite.BeginTransaction(IsolationLevel.Serializable, deferred: false)
            : await connection.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
        if (provider == DatabaseProvider.SqlServer)
        {
            await connection.ExecuteAsync(new CommandDefinition(SqlServerMigrationLock, transaction: transaction, cancellationToken: cancellationToken));
        }

        await connection.ExecuteAsync(new CommandDefinition(
            provider == DatabaseProvider.SqlServer ? SqlServerSchemaVersionTable : SqliteSchemaVersionTable,
            transaction: transaction,
            cancellationToken: cancellationToken));
        var current = await connection.ExecuteScalarAsync<int>(new CommandDefinition(CurrentVersionSql, transaction: transaction, cancellationToken: cancellationToken));
        if (current > latest)
        {
            throw new SchemaTooNewException(current, latest);
        }

        foreach (var migration in migrations.Where(m => m.Version > current))
        {
            logger.LogInformation("Applying migration {Version} {Name} ({Provider})", migration.Version, migration.Name, provider);
            foreach (var batch in migration.Batches())
            {
                await connection.ExecuteAsync(new CommandDefinition(batch, transaction: transaction, commandTimeout: 600, cancellationToken: cancellationToken));
            }

            await connection.ExecuteAsync(new CommandDefinition(
                RecordVersionSql,
                new { migration.Version, migration.Name, AppliedAt = DateTimeOffset.UtcNow },
                transaction,
                cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return Math.Max(current, latest);
    }

    private static Migration Load(Assembly assembly, string resource, string fileName)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        var match = FileName().Match(fileName);
        if (!match.Success)
        {
            throw new InvalidOperationException($"Migration '{fileName}' must be named NNNN_description.sql.");
        }

        return new Migration(int.Parse(match.Groups["version"].Value), match.Groups["name"].Value, reader.ReadToEnd());
    }

    [GeneratedRegex(@"^(?<version>\d{4})_(?<name>[\w-]+)\.sql$")]
    private static partial Regex FileName();
}
