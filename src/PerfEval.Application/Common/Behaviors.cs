using System.Diagnostics;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Logging;

namespace PerfEval.Application.Common;

/// <summary>Outermost: one structured log line and one trace span per request with its outcome and duration.</summary>
internal sealed class LoggingBehavior<TRequest, TResponse>(ILogger<LoggingBehavior<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Telemetry.Source.StartActivity(typeof(TRequest).Name);
        try
        {
            var response = await next();
            // Checked first: the arguments are boxed into an array even when the line is not written.
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("{Request} handled in {ElapsedMs:0.0} ms", typeof(TRequest).Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            return response;
        }
        catch (Exception ex)
        {
            span?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation("{Request} failed with {Error} after {ElapsedMs:0.0} ms", typeof(TRequest).Name, ex.GetType().Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            throw;
        }
    }
}

/// <summary>Runs every validator of the request and reports all failures at once.</summary>
internal sealed class ValidationBehavior<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(new ValidationContext<TRequest>(request), cancellationToken);
            failures.AddRange(result.Errors);
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        return await next();
    }
}

/// <summary>
/// Innermost: commands run in one write transaction, queries on a read connection. A request sent
/// while a write unit is running (a command made of other commands, such as committing an imported
/// report) runs inside that unit: its changes commit or roll back with the whole.
/// </summary>
internal sealed class UnitOfWorkBehavior<TRequest, TResponse>(IUnitOfWork unitOfWork, DbSession session)
    : IPipelineBehavior<TRequest, TResponse>
{
    private static readonly UnitOfWorkKind Kind = typeof(TRequest).GetInterfaces()
        .Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommand<>))
        ? UnitOfWorkKind.Write
        : UnitOfWorkKind.Read;

    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next) =>
        session.InWriteUnit
            ? next()
            : unitOfWork.RunAsync(Kind, session, () => next(), cancellationToken);
}
