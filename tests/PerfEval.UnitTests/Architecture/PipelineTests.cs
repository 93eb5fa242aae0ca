using System.Reflection;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PerfEval.Application;
using PerfEval.Application.Common;

namespace PerfEval.UnitTests.Architecture;

/// <summary>The behaviors each request runs through, as the container builds them, in order.</summary>
public sealed class PipelineTests
{
    private static readonly Assembly Application = typeof(DependencyInjection).Assembly;

    public static TheoryData<Type> Commands => Requests(typeof(ICommand<>));

    public static TheoryData<Type> Queries => Requests(typeof(IQuery<>));

    [Theory]
    [MemberData(nameof(Commands))]
    public void Command_RunsLoggingIdempotencyValidationUnitOfWorkAnswerAccessReadModelAndAudit_InThatOrder(Type command)
    {
        using var container = Container();
        using var scope = container.CreateScope();

        // The key is claimed before validation, so a refused request's answer is stored too; the
        // answer is stored inside the unit of work, in the command's own transaction.
        var idempotent = typeof(IIdempotent).IsAssignableFrom(command);
        string[] claim = idempotent ? ["IdempotencyBehavior"] : [];
        string[] answer = idempotent ? ["IdempotentAnswerBehavior"] : [];
        string[] validation = Validated(scope, command) ? ["ValidationBehavior"] : [];
        string[] readModel = ChangesScorecards(command) ? ["ScorecardRefreshBehavior"] : [];
        Assert.Equal(["LoggingBehavior", .. claim, .. validation, "UnitOfWorkBehavior", .. answer, "AccessBehavior", .. readModel, "AuditBehavior"], BehaviorsOf(scope, command));
    }

    [Fact]
    public void Push_ClaimsItsKeyBeforeValidation_AndStoresItsAnswerInItsTransaction()
    {
        using var container = Container();
        using var scope = container.CreateScope();

        Assert.Equal(
            ["LoggingBehavior", "IdempotencyBehavior", "ValidationBehavior", "UnitOfWorkBehavior", "IdempotentAnswerBehavior", "AccessBehavior", "ScorecardRefreshBehavior", "AuditBehavior"],
            BehaviorsOf(scope, typeof(PerfEval.Application.Adjustments.Push.PushBudgetAdjustments)));
    }

    [Theory]
    [InlineData(typeof(PerfEval.Application.Budgets.CreateBudgetLine))]
    [InlineData(typeof(PerfEval.Application.Budgets.UpdateBudgetLine))]
    [InlineData(typeof(PerfEval.Application.Adjustments.Push.PushBudgetAdjustments))]
    [InlineData(typeof(PerfEval.Application.Indicators.CreateIndicator))]
    [InlineData(typeof(PerfEval.Application.Indicators.UpdateIndicator))]
    [InlineData(typeof(PerfEval.Application.Indicators.DeleteIndicator))]
    [InlineData(typeof(PerfEval.Application.Evaluations.SaveEvaluation))]
    [InlineData(typeof(PerfEval.Application.FiscalYears.UpdateFiscalYear))]
    [InlineData(typeof(PerfEval.Application.ScoringSchemes.UpdateScoringScheme))]
    public void Command_ThatChangesWhatScorecardsAreComputedFrom_RefreshesTheReadModel(Type command) =>
        Assert.True(ChangesScorecards(command), $"{command.Name} changes scorecard inputs but does not refresh the read model");

    private static bool ChangesScorecards(Type request) =>
        request.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(PerfEval.Application.ReadModel.IChangesScorecards<>));

    [Theory]
    [MemberData(nameof(Queries))]
    public void Query_RunsLoggingValidationUnitOfWorkAndAccess_WithoutTheAudit(Type query)
    {
        using var container = Container();
        using var scope = container.CreateScope();

        string[] validation = Validated(scope, query) ? ["ValidationBehavior"] : [];
        Assert.Equal(["LoggingBehavior", .. validation, "UnitOfWorkBehavior", "AccessBehavior"], BehaviorsOf(scope, query));
    }

    [Fact]
    public void Validation_RunsForRequestsWithAValidator_AndOnlyForThem()
    {
        using var container = Container();
        using var scope = container.CreateScope();

        Assert.Contains("ValidationBehavior", BehaviorsOf(scope, typeof(PerfEval.Application.Departments.CreateDepartment)));
        Assert.Contains("ValidationBehavior", BehaviorsOf(scope, typeof(PerfEval.Application.Departments.ListDepartments)));
        Assert.DoesNotContain("ValidationBehavior", BehaviorsOf(scope, typeof(PerfEval.Application.Evaluations.GetScorecard)));
    }

    private static ServiceProvider Container()
    {
        var services = new ServiceCollection().AddApplication();
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton<IUnitOfWork, NoUnitOfWork>();
        services.AddSingleton<IRequestContext, NoClient>();
        services.AddSingleton(new IdempotencyOptions());
        services.AddSingleton<IRefusalAnswers, NoRefusals>();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    private static bool Validated(IServiceScope scope, Type request) =>
        scope.ServiceProvider.GetServices(typeof(IValidator<>).MakeGenericType(request)).Any();

    private static string[] BehaviorsOf(IServiceScope scope, Type request)
    {
        var response = request.GetInterfaces().Single(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>)).GetGenericArguments()[0];
        var behaviors = scope.ServiceProvider.GetServices(typeof(IPipelineBehavior<,>).MakeGenericType(request, response));
        return [.. behaviors.Select(b => b!.GetType().Name.Split('`')[0])];
    }

    private static TheoryData<Type> Requests(Type kind)
    {
        var requests = Application.GetTypes()
            .Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false }
                && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == kind));
        return [.. requests];
    }

    private sealed class NoUnitOfWork : IUnitOfWork
    {
        public Task<T> RunAsync<T>(UnitOfWorkKind kind, DbSession session, Func<Task<T>> work, CancellationToken cancellationToken) => work();
    }

    private sealed class NoRefusals : IRefusalAnswers
    {
        public (int Status, string Body) AnswerTo(Exception refusal) => throw new NotSupportedException("The pipeline is only built here, never run.");
    }

    private sealed class NoClient : IRequestContext
    {
        public string ClientName => "test";

        public string RequestId => "test";

        public IReadOnlySet<string> Regions { get; } = new HashSet<string>();

        public IReadOnlySet<string> Departments { get; } = new HashSet<string>();
    }
}
