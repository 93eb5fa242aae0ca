using MediatR;

namespace PerfEval.Application.ReadModel;

/// <summary>A department's fiscal year: what one scorecard belongs to.</summary>
public readonly record struct DepartmentYear(string DepartmentCode, int FiscalYear);

/// <summary>
/// What a command changed that scorecards are computed from: some department-years (their lines,
/// adjustments, indicators or declared figures), whole years (their status or scheme), or every year
/// that uses a scoring scheme (its settings).
/// </summary>
public sealed record ScorecardsAffected(IReadOnlyCollection<DepartmentYear> DepartmentYears, IReadOnlyCollection<int> Years, long? SchemeId = null)
{
    public static ScorecardsAffected Of(string departmentCode, int fiscalYear) => new([new DepartmentYear(departmentCode, fiscalYear)], []);

    public static ScorecardsAffected Of(IEnumerable<DepartmentYear> departmentYears) => new([.. departmentYears.Distinct()], []);

    public static ScorecardsAffected Year(int year) => new([], [year]);

    public static ScorecardsAffected Scheme(long schemeId) => new([], [], schemeId);
}

/// <summary>
/// A command whose changes scorecards depend on. After its handler, in its transaction, the read
/// model is brought up to date for what <see cref="Affected"/> names, so a read that follows the
/// command's response sees its effect.
/// </summary>
public interface IChangesScorecards<in TResponse>
{
    ScorecardsAffected Affected(TResponse response);
}

/// <summary>
/// Runs inside the unit of work, after the handler: the command and its read-model rows (scorecards
/// and the monitoring cards computed from the same lines, indicators and scheme) commit together.
/// </summary>
internal sealed class ScorecardRefreshBehavior<TRequest, TResponse>(ScorecardReadModel readModel, Monitoring.MonitoringReadModel monitoring) : IPipelineBehavior<TRequest, TResponse>
    where TRequest : IChangesScorecards<TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var response = await next();
        var affected = request.Affected(response);
        await readModel.RefreshAsync(affected, cancellationToken);
        await monitoring.RefreshAsync(affected, cancellationToken);
        return response;
    }
}
