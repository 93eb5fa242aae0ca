using MediatR;

namespace PerfEval.Application.Common;

/// <summary>A request that changes data: it runs inside one write transaction, retried as a whole on transient faults.</summary>
public interface ICommand<out TResponse> : IRequest<TResponse>;

/// <summary>A request that only reads: it runs on a read connection (a readable secondary when one is configured).</summary>
public interface IQuery<out TResponse> : IRequest<TResponse>;
