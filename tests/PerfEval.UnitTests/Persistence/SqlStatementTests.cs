using Microsoft.Data.Sqlite;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using PerfEval.Infrastructure.Persistence;

namespace PerfEval.UnitTests.Persistence;

/// <summary>
/// SQL Server cannot run here, so every T-SQL script and statement is parsed by Microsoft's own
/// T-SQL parser, and every shared statement is compiled by SQLite against the migrated schema.
/// </summary>
public sealed class SqlStatementTests
{
    [Fact]
    public void Catalog_FindsTheStatementsOfEveryArea()
    {
        var names = SqlCatalog.Statements().Select(s => s.Name).ToList();

        Assert.True(names.Count > 30, $"only {names.Count} statements found");
        Assert.Contains(names, n => n.Contains("Departments", StringComparison.Ordinal));
        Assert.Contains(names, n => n.Contains("Adjustments", StringComparison.Ordinal));
        Assert.Contains(names, n => n.Contains("Indicators", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(SqlCatalog.StatementNames), MemberType = typeof(SqlCatalog))]
    public void Statement_TranslatedForSqlServer_ParsesAsTSql(string name)
    {
        var sql = SqlServerDialect.Instance.Translate(SqlCatalog.Statement(name));

        Assert.Empty(ParseErrors(sql));
    }

    [Theory]
    [MemberData(nameof(SqlCatalog.StatementNames), MemberType = typeof(SqlCatalog))]
    public void Statement_CompilesOnSqliteAgainstTheMigratedSchema(string name)
    {
        var sql = SqlCatalog.Statement(name);
        if (name.Contains("SqlServer", StringComparison.Ordinal))
        {
            return; // T-SQL only (checked by the parser above).
        }

        using var connection = SqlCatalog.MigratedSqlite();
        Register(connection);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Prepare();
    }

    [Fact]
    public void SqlServerMigrations_EveryBatchParsesAsTSql()
    {
        var migrations = MigrationRunner.For(DatabaseProvider.SqlServer);

        Assert.NotEmpty(migrations);
        foreach (var migration in migrations)
        {
            foreach (var batch in migration.Batches())
            {
                Assert.Empty(ParseErrors(batch));
            }
        }
    }

    [Fact]
    public void Migrations_AreNumberedTheSameOnBothProviders()
    {
        var sqlite = MigrationRunner.For(DatabaseProvider.Sqlite).Select(m => (m.Version, m.Name));
        var sqlServer = MigrationRunner.For(DatabaseProvider.SqlServer).Select(m => (m.Version, m.Name));

        Assert.Equal(sqlite, sqlServer);
        Assert.Equal(Enumerable.Range(1, sqlite.Count()), sqlite.Select(m => m.Version));
    }

    [Theory]
    [InlineData("SELECT a FROM t ORDER BY a LIMIT @Take", "SELECT a FROM t ORDER BY a OFFSET 0 ROWS FETCH NEXT @Take ROWS ONLY")]
    [InlineData("INSERT INTO t (a, b) VALUES (@A, @B) RETURNING id", "INSERT INTO t (a, b) VALUES (@A, @B);\nSELECT CAST(SCOPE_IDENTITY() AS BIGINT)")]
    [InlineData("UPDATE t SET x = dec_add(x, @Delta) WHERE id = @Id", "UPDATE t SET x = (x + @Delta) WHERE id = @Id")]
    public void SqlServerDialect_TranslatesTheSqliteSpellings(string shared, string expected)
    {
        Assert.Equal(expected, SqlServerDialect.Instance.Translate(shared));
    }

    /// <summary>The ranking's statements are built per sort and direction from one filter, so they are not constants of their own.</summary>
    [Fact]
    public void RankingStatements_ParseAsTSqlAndCompileOnSqlite()
    {
        var statements = PerfEval.Application.YearViews.ListYearScorecards.Handler.PageSql.Values;

        Assert.Equal(6, statements.Count());
        using var connection = SqlCatalog.MigratedSqlite();
        foreach (var statement in statements)
        {
            // As Dapper sends them: a list parameter expanded into one parameter per element.
            var sql = System.Text.RegularExpressions.Regex.Replace(statement, @"\bIN\s+@(\w+)", "IN (@$1_1, @$1_2)");
            Assert.Empty(ParseErrors(SqlServerDialect.Instance.Translate(sql)));
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Prepare();
        }
    }

    [Theory]
    [InlineData("SELECT a FROM t /*FOR UPDATE*/ WHERE a = @A", "SELECT a FROM t WITH (UPDLOCK, HOLDLOCK) WHERE a = @A")]
    public void SqlServerDialect_LocksWhatIsReadForUpdate(string shared, string expected) =>
        Assert.Equal(expected, SqlServerDialect.Instance.Translate(shared));

    [Fact]
    public void Checks_RejectWhatTheyAreThereToCatch()
    {
        Assert.NotEmpty(ParseErrors("SELECT code FROM departments ORDER BY code LIMIT @Take"));
        using var connection = SqlCatalog.MigratedSqlite();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT no_such_column FROM departments";
        Assert.Throws<SqliteException>(() => command.Prepare());
    }

    internal static IList<ParseError> ParseErrors(string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        parser.Parse(reader, out var errors);
        return errors;
    }

    private static void Register(SqliteConnection connection) =>
        connection.CreateFunction<string?, string?, string?>("dec_add", (a, b) => a);
}
