using System.Data.Common;
using PerfEval.Application.Common;

namespace PerfEval.Api.Infrastructure;

/// <summary>
/// Start-up on a database the service cannot use (a data folder that is read-only, not a folder, or
/// full; a server that refuses the connection): one clear error line and a non-zero exit, for the
/// operator and the orchestrator, instead of an unhandled exception's stack dump. On failure the
/// host is disposed: the caller only exits.
/// </summary>
internal static class StartupStorage
{
    public static async Task<bool> TryAsync(WebApplication app, Func<Task> work)
    {
        try
        {
            await work();
            return true;
        }
        catch (Exception ex) when (Unusable(ex) is { } cause)
        {
            var settings = app.Services.GetRequiredService<PerfEval.Infrastructure.Persistence.DatabaseOptions>();
            var where = settings.Provider == PerfEval.Infrastructure.Persistence.DatabaseProvider.Sqlite && settings.ConnectionString is not { Length: > 0 }
                ? $"the data folder '{Path.GetFullPath(settings.DataFolder)}'"
                : "the database in Database:ConnectionString";
            app.Logger.LogCritical("Cannot start: {Where} cannot be used ({Cause}). Make it exist, writable and not full, then start again.", where, cause.Message);
            // The console logger writes from a queue: disposing the host flushes it before the process exits.
            await app.DisposeAsync();
            return false;
        }
    }

    /// <summary>The fault that makes the database unusable, or null for a failure of another kind (left to crash loudly).</summary>
    private static Exception? Unusable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is IOException or UnauthorizedAccessException or DbException)
            {
                return e;
            }
        }

        return exception is DatabaseUnavailableException ? exception : null;
    }
}
