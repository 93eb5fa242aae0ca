using System.Reflection;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using PerfEval.Infrastructure.Persistence;

namespace PerfEval.UnitTests.Persistence;

public sealed class TransientFaultTests
{
    [Theory]
    [InlineData(5, true)]    // SQLITE_BUSY
    [InlineData(6, true)]    // SQLITE_LOCKED
    [InlineData(19, false)]  // SQLITE_CONSTRAINT: a duplicate is never retried
    [InlineData(1, false)]   // SQLITE_ERROR
    [InlineData(11, false)]  // SQLITE_CORRUPT
    public void Sqlite_IsTransientOnlyWhenBusyOrLocked(int errorCode, bool transient)
    {
        Assert.Equal(transient, TransientFaults.IsTransient(new SqliteException("fault", errorCode)));
    }

    [Theory]
    [InlineData(1205, true)]   // deadlock victim
    [InlineData(1222, true)]   // lock request timeout
    [InlineData(40613, true)]  // database not currently available (failover)
    [InlineData(40501, true)]  // service busy (throttling)
    [InlineData(10054, true)]  // connection reset
    [InlineData(4060, true)]   // cannot open database
    [InlineData(-2, false)]    // command timeout: the command may have committed
    [InlineData(2627, false)]  // primary key / unique constraint
    [InlineData(2601, false)]  // duplicate key in unique index
    [InlineData(547, false)]   // foreign key / check constraint
    [InlineData(50001, false)] // the ledger's append-only trigger
    public void SqlServer_IsTransientOnlyForTheRetryableNumbers(int number, bool transient)
    {
        Assert.Equal(transient, TransientFaults.IsTransient(SqlExceptionWith(number)));
    }

    [Fact]
    public void AConnectionThatCannotBeOpened_IsTransient()
    {
        Assert.True(TransientFaults.IsTransient(new DatabaseUnreachableException(new SqliteException("unable to open database file", 14))));
    }

    [Fact]
    public void OtherExceptions_AreNotTransient()
    {
        Assert.False(TransientFaults.IsTransient(new InvalidOperationException()));
        Assert.False(TransientFaults.IsTransient(new TimeoutException()));
    }

    /// <summary>SqlException has no public constructor; build one the way SqlClient does.</summary>
    private static SqlException SqlExceptionWith(int number)
    {
        var flags = BindingFlags.NonPublic | BindingFlags.Instance;
        var errorCtor = typeof(SqlError).GetConstructors(flags)
            .First(c => c.GetParameters() is { Length: >= 7 } p && p[0].ParameterType == typeof(int) && p[1].ParameterType == typeof(byte));
        var args = errorCtor.GetParameters().Select(p => p.ParameterType switch
        {
            var t when t == typeof(int) => (object?)number,
            var t when t == typeof(byte) => (byte)0,
            var t when t == typeof(string) => "fault",
            var t when t == typeof(uint) => 0u,
            _ => null,
        }).ToArray();
        args[0] = number;
        var error = (SqlError)errorCtor.Invoke(args);
        var errors = (SqlErrorCollection)typeof(SqlErrorCollection).GetConstructors(flags).Single().Invoke(null);
        typeof(SqlErrorCollection).GetMethod("Add", flags)!.Invoke(errors, [error]);
        var create = typeof(SqlException).GetMethods(BindingFlags.NonPublic | BindingFlags.Static)
            .First(m => m.Name == "CreateException" && m.GetParameters() is [var a, var b] && a.ParameterType == typeof(SqlErrorCollection) && b.ParameterType == typeof(string));
        return (SqlException)create.Invoke(null, [errors, "15.0"])!;
    }
}
