using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FluentValidation;
using MediatR;
using PerfEval.Application.Common;

namespace PerfEval.Application.ReportImports;

/// <summary>
/// PATCH: a reviewer corrects fields of a draft, each named by its path in the draft's JSON, the same
/// path a review flag names (<c>indicators[2].operator</c>, <c>budget.initial</c>, <c>departmentCode</c>).
/// A corrected field takes the value given and the status <c>corrected</c>; its readings stay, as the
/// evidence of what the report printed. A null value clears the field (status <c>missing</c>). Only
/// a draft changes; a committed one is 409. The precondition is the import's version (If-Match).
/// </summary>
/// <param name="Fields">Field path → its new value, in the field's JSON shape (a number, a string, an operator
/// such as <c>"atLeast"</c>, a quantity <c>{"number": 3, "unit": "项"}</c>, a date <c>"2025-02-14"</c>), or null to clear it.</param>
public sealed partial record CorrectReportImport(IReadOnlyDictionary<string, JsonElement> Fields)
    : ICommand<ReportImportResponse>, IAddressedById, IConditional
{
    string IAddressedById.Resource => GetReportImport.Resource;

    string IAddressedById.DepartmentOfSql => "SELECT department_code FROM report_imports WHERE id = @Id";

    [RouteValue]
    public long Id { get; init; }

    /// <summary>From If-Match: the version of the import the reviewer read.</summary>
    [RouteValue]
    public int? ExpectedVersion { get; init; }

    /// <summary>Fields that are not read from the report but proposed for a new department: they may be created by a correction.</summary>
    private static readonly HashSet<string> Proposed = ["departmentCode", "region"];

    internal sealed class Validator : AbstractValidator<CorrectReportImport>
    {
        public Validator()
        {
            // A path that names no field is the handler's 422, keyed by the path itself.
            RuleFor(x => x.Fields).NotNull().Must(f => f is { Count: > 0 and <= 500 }).WithMessage(_ => Messages.ImportPatchEmpty.Current);
        }
    }

    internal sealed class Handler(DbSession db, IRequestContext context, TimeProvider clock) : IRequestHandler<CorrectReportImport, ReportImportResponse>
    {
        private const string SelectSql = $"SELECT {ReportImportRow.Columns} FROM report_imports WHERE id = @Id";

        private const string UpdateSql = """
            UPDATE report_imports SET draft = @Draft, version = version + 1, updated_at = @Now
            WHERE id = @Id AND status = @Status AND (@ExpectedVersion IS NULL OR version = @ExpectedVersion)
            """;

        public async Task<ReportImportResponse> Handle(CorrectReportImport request, CancellationToken ct)
        {
            var row = await db.QuerySingleOrDefaultAsync<ReportImportRow>(SelectSql, new { request.Id }, ct);
            if (row is null || !row.VisibleTo(context))
            {
                throw new NotFoundException(GetReportImport.Resource, request.Id);
            }

            if (request.ExpectedVersion is { } expected && expected != row.Version)
            {
                throw new PreconditionFailedException(GetReportImport.Resource, request.Id, expected);
            }

            if (row.Status != ReportImportStatus.Draft)
            {
                throw new ConflictException(Messages.ImportAlreadyCommitted.Format(request.Id));
            }

            var draft = JsonNode.Parse(row.Draft)!.AsObject();
            var errors = new Dictionary<string, string[]>();
            foreach (var (path, value) in request.Fields)
            {
                var error = Apply(draft, path, value);
                if (error is not null)
                {
                    errors[path] = [error];
                }
            }

            if (errors.Count > 0)
            {
                throw new BusinessRuleException(errors.First().Value[0], errors);
            }

            var json = draft.ToJsonString(ReportDraftJson.Options);
            request.EnsureApplied(await db.ExecuteAsync(UpdateSql, new
            {
                request.Id,
                Draft = json,
                Status = ReportImportStatus.Draft,
                request.ExpectedVersion,
                Now = clock.GetUtcNow(),
            }, ct), GetReportImport.Resource, request.Id);
            return await GetReportImport.LoadAsync(db, request.Id, ct);
        }

        /// <summary>Sets one field; the draft must still read as a draft afterwards (the value fits the field). Null when applied, else why not.</summary>
        private static string? Apply(JsonObject draft, string path, JsonElement value)
        {
            if (Segments(path) is not { } segments)
            {
                return Messages.ImportBadPatchPath.Format(path);
            }

            JsonNode? node = draft;
            for (var i = 0; i < segments.Count - 1; i++)
            {
                node = Step(node, segments[i]);
            }

            var last = segments[^1];
            if (node is not JsonObject parent || last.Index is not null)
            {
                return Messages.ImportBadPatchPath.Format(path);
            }

            var field = parent[last.Name] as JsonObject;
            if (field is null && segments.Count == 1 && Proposed.Contains(last.Name))
            {
                field = new JsonObject { ["status"] = "missing", ["value"] = null, ["readings"] = new JsonArray(), ["rule"] = null };
                parent[last.Name] = field;
            }

            if (field is null || !field.ContainsKey("status") || !field.ContainsKey("readings"))
            {
                return Messages.ImportBadPatchPath.Format(path);
            }

            var before = field.DeepClone();
            var isNull = value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined;
            field["value"] = isNull ? null : JsonNode.Parse(value.GetRawText());
            field["status"] = isNull ? "missing" : "corrected";
            field["rule"] = null;
            try
            {
                ReportDraftJson.Deserialize(draft.ToJsonString(ReportDraftJson.Options));
                return null;
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or NotSupportedException)
            {
                parent[last.Name] = before;
                return Messages.ImportBadPatchValue.Format(path, value.GetRawText());
            }
        }

        private static JsonNode? Step(JsonNode? node, Segment segment)
        {
            var next = node is JsonObject o ? o[segment.Name] : null;
            return segment.Index is { } index
                ? next is JsonArray a && index < a.Count ? a[index] : null
                : next;
        }
    }

    private readonly record struct Segment(string Name, int? Index);

    /// <summary><c>indicators[2].operator</c> → (indicators, 2), (operator); null for anything else.</summary>
    private static List<Segment>? Segments(string path)
    {
        if (string.IsNullOrWhiteSpace(path) || path.Length > 200)
        {
            return null;
        }

        var segments = new List<Segment>();
        foreach (var part in path.Split('.'))
        {
            var match = SegmentPattern().Match(part);
            if (!match.Success)
            {
                return null;
            }

            segments.Add(new Segment(match.Groups["name"].Value, match.Groups["index"].Success ? int.Parse(match.Groups["index"].Value, CultureInfo.InvariantCulture) : null));
        }

        return segments;
    }

    [GeneratedRegex(@"^(?<name>[a-z][A-Za-z0-9]*)(?:\[(?<index>\d{1,4})\])?$")]
    private static partial Regex SegmentPattern();
}
