using Microsoft.Extensions.Diagnostics.HealthChecks;
using PerfEval.Application.Common;

namespace PerfEval.Api.Infrastructure;

/// <summary>Ready means the database answers a query.</summary>
internal sealed class DatabaseHealthCheck(IUnitOfWork unitOfWork) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var session = new DbSession();
            await unitOfWork.RunAsync(UnitOfWorkKind.Read, session, () => session.ExecuteScalarAsync<int>("SELECT 1", null, cancellationToken), cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.");
        }
    }
}
