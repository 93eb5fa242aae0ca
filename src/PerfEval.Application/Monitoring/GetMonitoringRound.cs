using MediatR;
using PerfEval.Application.Common;

namespace PerfEval.Application.Monitoring;

/// <summary>One monitoring round as reported.</summary>
public sealed record GetMonitoringRound(string DepartmentCode, int FiscalYear, long Id) : IQuery<MonitoringRoundResponse>, IDepartmentRequest
{
    internal sealed class Handler(DbSession db) : IRequestHandler<GetMonitoringRound, MonitoringRoundResponse>
    {
        public Task<MonitoringRoundResponse> Handle(GetMonitoringRound request, CancellationToken ct) =>
            MonitoringRoundStore.LoadAsync(db, request.DepartmentCode, request.FiscalYear, request.Id, ct);
    }
}
