namespace PerfEval.Application.Common;

/// <summary>
/// A request property the API fills from the route (or query, or a header), never from the body:
/// a body that names it is refused as carrying an unknown field, so a client never believes it set it.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RouteValueAttribute : Attribute;
