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
        services.AddSingleton<Evaluations.ScorecardCache>();
        services.AddSingleton<YearViews.YearCache>();

        // Registration order is execution order: logging → validation → unit of work (transaction for
        // commands) → access (department scope) → audit (in the same transaction as the change). The
        // audit is registered per command, after these, so a query's pipeline does not build it.
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(LoggingBehavior<,>));
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(ValidationBehavior<,>));
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(UnitOfWorkBehavior<,>));
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(AccessBehavior<,>));

        foreach (var type in typeof(DependencyInjection).Assembly.GetTypes().Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false }))
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType))
            {
                var definition = contract.GetGenericTypeDefinition();
                if (definition == typeof(IRequestHandler<,>) || definition == typeof(IValidator<>))
                {
                    services.AddTransient(contract, type);
                }
                else if (definition == typeof(ICommand<>))
                {
                    var arguments = new[] { type, contract.GetGenericArguments()[0] };
                    services.AddTransient(typeof(IPipelineBehavior<,>).MakeGenericType(arguments), typeof(Audit.AuditBehavior<,>).MakeGenericType(arguments));
                }
            }
        }

        return services;
    }
}
