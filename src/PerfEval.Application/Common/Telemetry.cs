using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PerfEval.Application.Common;

/// <summary>
/// The service's own traces and metrics (beside ASP.NET Core's HTTP ones): a span per MediatR
/// request and per database command, the adjustments pushes record, and the findings scorecards
/// carry, by finding code. Without a listener (no exporter configured) they cost a null check.
/// </summary>
public static class Telemetry
{
    public const string Name = "PerfEval";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    public static readonly Counter<long> PushedAdjustments =
        Meter.CreateCounter<long>("perfeval.adjustments.pushed", "{adjustment}", "Adjustments recorded in the ledger by pushes.");

    public static readonly Counter<long> Findings =
        Meter.CreateCounter<long>("perfeval.scorecard.findings", "{finding}", "Findings on the scorecards served, by finding code.");

    /// <summary>A span for one database command, named by its verb (SELECT, INSERT …); no parameter values.</summary>
    internal static Activity? StartCommand(string sql, string system)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var text = sql.AsSpan().TrimStart();
        var end = text.IndexOfAny(' ', '\n', '\r');
        var verb = (end < 0 ? text : text[..end]).ToString().ToUpperInvariant();
        var activity = Source.StartActivity(verb, ActivityKind.Client);
        activity?.SetTag("db.system.name", system);
        activity?.SetTag("db.operation.name", verb);
        return activity;
    }
}
