using Microsoft.SqlServer.TransactSql.ScriptDom;
using PerfEval.Infrastructure.Persistence;

namespace PerfEval.UnitTests.Persistence;

/// <summary>The SQLite and SQL Server schemas have the same tables with the same columns.</summary>
public sealed class SchemaParityTests
{
    [Fact]
    public void SqliteAndSqlServerSchemas_HaveTheSameTablesAndColumns()
    {
        var sqlite = SqliteSchema();
        var sqlServer = SqlServerSchema();

        Assert.Equal(sqlite.Keys.Order(), sqlServer.Keys.Order());
        foreach (var (table, columns) in sqlite)
        {
            Assert.True(columns.SetEquals(sqlServer[table]), $"{table}: SQLite [{string.Join(", ", columns.Order())}] vs SQL Server [{string.Join(", ", sqlServer[table].Order())}]");
        }
    }

    [Fact]
    public void SqliteSchema_StoresNoValueAsReal()
    {
        using var connection = SqlCatalog.MigratedSqlite();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT m.name, p.name, p.type FROM sqlite_master m JOIN pragma_table_xinfo(m.name) p WHERE m.type = 'table' AND p.type IN ('REAL', 'FLOAT', 'DOUBLE', 'NUMERIC')";
        using var reader = command.ExecuteReader();

        Assert.False(reader.Read(), reader.HasRows ? $"{reader.GetString(0)}.{reader.GetString(1)} is {reader.GetString(2)}" : null);
    }

    private static Dictionary<string, HashSet<string>> SqliteSchema()
    {
        using var connection = SqlCatalog.MigratedSqlite();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_xinfo(m.name) p WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'";
        using var reader = command.ExecuteReader();
        var schema = new Dictionary<string, HashSet<string>>();
        while (reader.Read())
        {
            var table = reader.GetString(0);
            if (!schema.TryGetValue(table, out var columns))
            {
                schema[table] = columns = [];
            }

            columns.Add(reader.GetString(1));
        }

        return schema;
    }

    private static Dictionary<string, HashSet<string>> SqlServerSchema()
    {
        var visitor = new CreateTableVisitor();
        var scripts = MigrationRunner.For(DatabaseProvider.SqlServer).SelectMany(m => m.Batches()).Append(MigrationRunner.SqlServerSchemaVersionTable);
        foreach (var script in scripts)
        {
            var parser = new TSql160Parser(initialQuotedIdentifiers: true);
            using var reader = new StringReader(script);
            var fragment = parser.Parse(reader, out var errors);
            Assert.Empty(errors);
            fragment.Accept(visitor);
        }

        return visitor.Tables;
    }

    private sealed class CreateTableVisitor : TSqlFragmentVisitor
    {
        public Dictionary<string, HashSet<string>> Tables { get; } = [];

        public override void Visit(CreateTableStatement node) =>
            Tables[node.SchemaObjectName.BaseIdentifier.Value] = node.Definition.ColumnDefinitions.Select(c => c.ColumnIdentifier.Value).ToHashSet();

        /// <summary>Columns a later migration adds (ALTER TABLE … ADD) belong to the table too.</summary>
        public override void Visit(AlterTableAddTableElementStatement node) =>
            Tables[node.SchemaObjectName.BaseIdentifier.Value].UnionWith(node.Definition.ColumnDefinitions.Select(c => c.ColumnIdentifier.Value));
    }
}
