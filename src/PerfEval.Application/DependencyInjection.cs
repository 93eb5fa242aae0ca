using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using PerfEval.Application.Common;

namespace PerfEval.Application;

public static class DependencyInjection
{
    /// <summary>MediatR 5 has no DI package: handlers and validators are found by scanning this assembly.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddScoped<ServiceFactory>(provider => provider.GetService!);
        services.AddScoped<IMediator, Mediator>();
        services.AddScoped<DbSession>();
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<ReadModel.ScorecardReadModel>();
        services.AddScoped<Monitoring.MonitoringReadModel>();
        services.AddTransient<Reports.ReportQueries>();

        var types = typeof(DependencyInjection).Assembly.GetTypes().Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false }).ToList();
        var validated = new HashSet<Type>();
        foreach (var type in types)
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && (i.GetGenericTypeDefinition() == typeof(IRequestHandler<,>) || i.GetGenericTypeDefinition() == typeof(IValidator<>))))
            {
                services.AddTransient(contract, type);
                if (contract.GetGenericTypeDefinition() == typeof(IValidator<>))
                {
                    validated.Add(contract.GetGenericArguments()[0]);
                }
            }
        }

        // Registration order is execution order: logging → idempotency (the key claimed in a transaction
        // of its own, so a refused request's answer is stored too) → validation → unit of work
        // (transaction for commands) → the idempotent answer (stored in that transaction) → access
        // (department scope) → read model (the scorecards a command changed, brought up to date in its
        // transaction) → audit (in the same transaction as the change).
        // Idempotency, validation and audit are registered per request that declares an idempotency
        // key, has a validator or is a command, so a request's pipeline builds only the behaviours
        // that concern it.
        var requests = types
            .Select(t => (Request: t, Kind: t.GetInterfaces().FirstOrDefault(i => i.IsGenericType && (i.GetGenericTypeDefinition() == typeof(ICommand<>) || i.GetGenericTypeDefinition() == typeof(IQuery<>)))))
            .Where(r => r.Kind is not null)
            .Select(r => (r.Request, Response: r.Kind!.GetGenericArguments()[0], IsCommand: r.Kind.GetGenericTypeDefinition() == typeof(ICommand<>)))
            .ToList();
        var idempotent = requests.Where(r => typeof(IIdempotent).IsAssignableFrom(r.Request)).ToList();
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(LoggingBehavior<,>));
        foreach (var (request, response, _) in idempotent)
        {
            AddBehavior(services, typeof(IdempotencyBehavior<,>), request, response);
        }

        foreach (var (request, response, _) in requests.Where(r => validated.Contains(r.Request)))
        {
            AddBehavior(services, typeof(ValidationBehavior<,>), request, response);
        }

        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(UnitOfWorkBehavior<,>));
        foreach (var (request, response, _) in idempotent)
        {
            AddBehavior(services, typeof(IdempotentAnswerBehavior<,>), request, response);
        }

        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(AccessBehavior<,>));
        foreach (var (request, response, _) in requests.Where(r => typeof(ReadModel.IChangesScorecards<>).MakeGenericType(r.Response).IsAssignableFrom(r.Request)))
        {
            AddBehavior(services, typeof(ReadModel.ScorecardRefreshBehavior<,>), request, response);
        }

        foreach (var (request, response, _) in requests.Where(r => r.IsCommand))
        {
            AddBehavior(services, typeof(Audit.AuditBehavior<,>), request, response);
        }

        return services;
    }

    private static void AddBehavior(IServiceCollection services, Type behavior, Type request, Type response) =>
        services.AddTransient(typeof(IPipelineBehavior<,>).MakeGenericType(request, response), behavior.MakeGenericType(request, response));
}
