using System.Data;
using System.Globalization;
using Dapper;

namespace PerfEval.Infrastructure.Persistence;

/// <summary>
/// SQLite stores timestamps and dates as ISO text, which Dapper cannot turn into
/// <see cref="DateTimeOffset"/> by itself; and SqlClient 2.1 predates <see cref="DateOnly"/>, so
/// dates travel as <see cref="DateTime"/> typed <see cref="DbType.Date"/> (SQLite writes them as yyyy-MM-dd).
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
        SqlMapper.AddTypeHandler(new DateOnlyHandler());
    }

    private sealed class DateOnlyHandler : SqlMapper.TypeHandler<DateOnly>
    {
        public override void SetValue(IDbDataParameter parameter, DateOnly value)
        {
            parameter.DbType = DbType.Date;
            parameter.Value = value.ToDateTime(TimeOnly.MinValue);
        }

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
