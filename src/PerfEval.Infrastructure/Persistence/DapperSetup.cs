using System.Data;
using System.Globalization;
using Dapper;

namespace PerfEval.Infrastructure.Persistence;

/// <summary>
/// SQLite stores timestamps and dates as ISO text, which Dapper cannot turn into
/// <see cref="DateTimeOffset"/> by itself; and each provider stores a date its own way, so
/// dates are bound by the provider's dialect (SQLite: yyyy-MM-dd text; SQL Server: a DATE). Dapper
/// binds a <see cref="DateOnly"/> itself unless its own mapping of the type is removed first.
/// </summary>
internal static class DapperSetup
{
    private static int _done;

    public static void Configure()
    {
        if (Interlocked.Exchange(ref _done, 1) == 1)
        {
            return;
        }

        SqlMapper.AddTypeHandler(new DateTimeOffsetHandler());
        SqlMapper.RemoveTypeMap(typeof(DateOnly));
        SqlMapper.AddTypeHandler(new DateOnlyHandler());
    }

    private sealed class DateOnlyHandler : SqlMapper.TypeHandler<DateOnly>
    {
        public override void SetValue(IDbDataParameter parameter, DateOnly value) =>
            (parameter is Microsoft.Data.Sqlite.SqliteParameter ? (Application.Common.ISqlDialect)SqliteDialect.Instance : SqlServerDialect.Instance)
                .BindDate((System.Data.Common.DbParameter)parameter, value);

        public override DateOnly Parse(object value) => value switch
        {
            string text => DateOnly.Parse(text, CultureInfo.InvariantCulture),
            DateTime dateTime => DateOnly.FromDateTime(dateTime),
            _ => (DateOnly)value,
        };
    }

    private sealed class DateTimeOffsetHandler : SqlMapper.TypeHandler<DateTimeOffset>
    {
        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value) => parameter.Value = value.ToUniversalTime();

        public override DateTimeOffset Parse(object value) => value switch
        {
            string text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            DateTime dateTime => new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc)),
            _ => (DateTimeOffset)value,
        };
    }
}
