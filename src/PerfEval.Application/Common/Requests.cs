using MediatR;

namespace PerfEval.Application.Common;

/// <summary>A request that changes data: it runs inside one write transaction, retried as a whole on transient faults.</summary>
public interface ICommand<out TResponse> : IRequest<TResponse>;

/// <summary>A request that only reads: it runs on a read connection (a readable secondary when one is configured).</summary>
public interface IQuery<out TResponse> : IRequest<TResponse>;

/// <summary>Bookkeeping the service does for a request (idempotency keys, purges): not a change to the data, so not audited.</summary>
public interface IBookkeeping;

/// <summary>A response that carries its row version: its ETag, and what If-Match names.</summary>
public interface IVersioned
{
    int Version { get; }
}

/// <summary>A write conditional on the version the client last read (If-Match); null: unconditional.</summary>
public interface IConditional
{
    int? ExpectedVersion { get; }
}

public static class Conditional
{
    /// <summary>The conditional write changed nothing: the row moved on from the client's If-Match version (412).</summary>
    public static void EnsureApplied(this IConditional request, int affected, string resource, object key)
    {
        if (affected == 0)
        {
            throw new PreconditionFailedException(resource, key, request.ExpectedVersion ?? 0);
        }
    }
}
