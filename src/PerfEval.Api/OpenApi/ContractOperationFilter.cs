using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using PerfEval.Api.Security;
using PerfEval.Application.Common;
using PerfEval.Application.Evaluations;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace PerfEval.Api.OpenApi;

/// <summary>
/// Writes the contract's words each endpoint carries (<see cref="EndpointContract"/>: parameters,
/// examples, request and response texts, files, headers) into its operation, and adds, generically by
/// route, method and scope, what every endpoint of that kind does: the security requirement, the
/// conditional-request headers, ETag/Location headers, and every problem response it can give.
/// </summary>
internal sealed class ContractOperationFilter(IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) : IOperationFilter
{
    public const string ScopeExtension = "x-required-scope";

    /// <summary>
    /// Parameters that mean the same on every endpoint, by location and name. A filter (an optional query
    /// parameter that narrows a list) has an "e.g." in its description and no example: Swagger UI
    /// prefills examples, and a prefilled filter silently hides rows from whoever clicks "Try it out".
    /// </summary>
    private static readonly ParameterText[] CommonPath =
    [
        new("code", "Department code (部门单位编码).") { Example = "GXQ-GYYQ" },
        new("year", "Fiscal year (年度).") { Example = 2024 },
    ];

    private static readonly ParameterText[] CommonQuery =
    [
        new("limit", "Page size, 1–500 (default 50).") { Minimum = 1, Maximum = 500, Default = 50, Example = 50 },
        new("cursor", "Opaque cursor: the previous page's `nextCursor`. Omit for the first page."),
        new("updatedSince", "Only items changed after this time (ISO 8601 with offset), for incremental sync, e.g. `2024-07-01T00:00:00+08:00`."),
        new("explain", "`true`: add `explanations`, the formula and inputs of every computed number.") { Default = false, Example = false },
    ];

    private readonly JsonSerializerOptions _json = json.Value.SerializerOptions;

    /// <summary>An example or default as the service writes it.</summary>
    public static JsonNode? Node(object value, JsonSerializerOptions options) => JsonSerializer.SerializeToNode(value, value.GetType(), options);

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var api = context.ApiDescription;
        var method = (api.HttpMethod ?? "GET").ToUpperInvariant();
        var metadata = api.ActionDescriptor.EndpointMetadata;
        var headers = metadata.OfType<OperationHeaders>().ToList();
        var contract = new Contract(
            metadata.OfType<ParameterText>().ToDictionary(p => p.Name, StringComparer.Ordinal),
            metadata.OfType<ContractExample>().ToList(),
            metadata.OfType<RequestText>().LastOrDefault()?.Description,
            metadata.OfType<ResponseText>().LastOrDefault()?.Description,
            metadata.OfType<FileContent>().Where(f => f.InRequest).ToList(),
            metadata.OfType<FileContent>().Where(f => !f.InRequest).ToList(),
            headers.Any(h => h.IdempotencyKey),
            headers.Any(h => h.AcceptLanguage),
            headers.Any(h => h.IfMatchOptional),
            api.SupportedResponseTypes.Select(r => r.StatusCode).Where(s => s >= 400).ToList());
        var scope = api.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>()
            .Select(a => a.Policy).LastOrDefault(p => p is not null && Scopes.All.Contains(p));
        var success = api.SupportedResponseTypes.Where(r => r.StatusCode is >= 200 and < 300).OrderBy(r => r.StatusCode).FirstOrDefault();
        var successType = success?.Type;
        var tagged = successType is not null && (typeof(IVersioned).IsAssignableFrom(successType) || successType == typeof(ScorecardResponse));
        var conditionalWrite = method is "PUT" or "PATCH" or "DELETE";
        if (contract.RequestFiles.Count > 0 && operation.RequestBody is null)
        {
            operation.RequestBody = FileBody(contract.RequestFiles);
        }

        var hasBody = operation.RequestBody is not null || api.ParameterDescriptions.Any(p => p.Source == BindingSource.Body);
        var hasPathParameters = api.ParameterDescriptions.Any(p => p.Source == BindingSource.Path);
        var writes = method is "POST" or "PUT" or "PATCH" or "DELETE" && scope is not null && scope != Scopes.Read;

        // WithSummary is the summary (not an XML comment of the handler method).
        operation.Summary = api.ActionDescriptor.EndpointMetadata.OfType<IEndpointSummaryMetadata>().LastOrDefault()?.Summary ?? operation.Summary;
        if (scope is not null)
        {
            operation.Description = (operation.Description is { Length: > 0 } d ? d + "\n\n" : string.Empty)
                + $"**Scope:** `{scope}` (in Development: `{DemoKey(scope)}`).";
            operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
            operation.Extensions[ScopeExtension] = new JsonNodeExtension(JsonValue.Create(scope));
        }

        DescribeParameters(operation, context, contract);
        AddHeaders(operation, contract, method, tagged, conditionalWrite);
        DescribeRequestBody(operation, contract);
        DescribeSuccess(operation, context, contract, tagged);
        AddProblems(operation, context.Document, method, tagged, hasBody, hasPathParameters, writes, conditionalWrite, contract);
    }

    /// <summary>What the endpoint's metadata says about its operation.</summary>
    private sealed record Contract(
        IReadOnlyDictionary<string, ParameterText> Parameters,
        IReadOnlyList<ContractExample> Examples,
        string? RequestDescription,
        string? ResponseDescription,
        IReadOnlyList<FileContent> RequestFiles,
        IReadOnlyList<FileContent> ResponseFiles,
        bool IdempotencyKey,
        bool AcceptLanguage,
        bool IfMatchOptional,
        IReadOnlyList<int> Problems);

    private static string DemoKey(string scope) => scope switch
    {
        Scopes.Read => "demo-reader-key",
        Scopes.DataWrite => "demo-writer-key",
        Scopes.AdjustmentsWrite => "demo-pusher-key",
        _ => "demo-admin-key",
    };

    private void DescribeParameters(OpenApiOperation operation, OperationFilterContext context, Contract contract)
    {
        if (operation.Parameters is null)
        {
            return;
        }

        for (var i = 0; i < operation.Parameters.Count; i++)
        {
            if (operation.Parameters[i] is not OpenApiParameter parameter || parameter.Name is null)
            {
                continue;
            }

            // Query strings bind case-insensitively: name them as the JSON names fields.
            if (parameter.In == ParameterLocation.Query)
            {
                parameter.Name = char.ToLowerInvariant(parameter.Name[0]) + parameter.Name[1..];
            }

            var about = contract.Parameters.GetValueOrDefault(parameter.Name)
                ?? (parameter.In == ParameterLocation.Path ? CommonPath : parameter.In == ParameterLocation.Query ? CommonQuery : [])
                    .FirstOrDefault(p => p.Name == parameter.Name);
            if (about is null)
            {
                continue;
            }

            Apply(parameter, about, context);
        }
    }

    private void Apply(OpenApiParameter parameter, ParameterText about, OperationFilterContext context)
    {
        parameter.Description = about.Description;
        if (about.Example is not null)
        {
            parameter.Example = Node(about.Example, _json);
        }

        if (about.EnumType is not null)
        {
            parameter.Schema = context.SchemaGenerator.GenerateSchema(about.EnumType, context.SchemaRepository);
        }
        else if (about.Values is not null)
        {
            parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. about.Values.Select(v => (JsonNode)JsonValue.Create(v))] };
        }

        if (parameter.Schema is OpenApiSchema schema)
        {
            schema.Minimum = about.Minimum?.ToString(CultureInfo.InvariantCulture) ?? schema.Minimum;
            schema.Maximum = about.Maximum?.ToString(CultureInfo.InvariantCulture) ?? schema.Maximum;
            schema.Pattern = about.Pattern ?? schema.Pattern;
            schema.MaxLength = about.MaxLength ?? schema.MaxLength;
            if (about.Default is not null)
            {
                schema.Default = Node(about.Default, _json);
            }
        }

        if (about.Required)
        {
            parameter.Required = true;
        }
    }

    private static void AddHeaders(OpenApiOperation operation, Contract contract, string method, bool tagged, bool conditionalWrite)
    {
        var headers = new List<IOpenApiParameter>();
        if (conditionalWrite)
        {
            var optional = contract.IfMatchOptional;
            headers.Add(HeaderParameter("If-Match", !optional,
                (optional
                    ? "The ETag you read, when replacing an existing one: a mismatch is 412. Not needed to create (the first PUT). `*` matches any version."
                    : "The ETag of the version you read (GET it first), e.g. `\"3\"`: a mismatch is 412, none at all is 428. `*` matches any version (not recommended).")
                + " 演示数据启动后各资源的版本为 `\"1\"`（已预填）；修改过一次后，请粘贴 GET 或上一次写入返回的 ETag。"
                + " The demo data start at version `\"1\"` (prefilled); once changed, paste the ETag the GET or the last write answered.",
                EntityTag));
        }

        if (method == "GET" && tagged)
        {
            headers.Add(HeaderParameter("If-None-Match", required: false,
                "An ETag you hold: 304 with no body while the resource still has it.", EntityTag));
        }

        if (contract.IdempotencyKey)
        {
            var key = HeaderParameter("Idempotency-Key", required: true,
                "A unique key per logical request, e.g. a UUID (1–255 of letters, digits and - _ . :; the IETF draft's quoted form `\"…\"` is accepted too). "
                + "Kept 7 days per client: a retry with the same key and payload gets the stored response (Idempotent-Replayed: true); "
                + "the same key with another payload is 422; a retry while the first is still running is 409 with Retry-After. "
                + "Swagger UI prefills one key: trying the example again replays the stored response; give a new key for another payload.",
                "\"7d1f6a52-3b8e-4f1e-9a51-2f0c8e1d4b20\"");
            ((OpenApiSchema)key.Schema!).Pattern = "^([A-Za-z0-9_.:-]{1,255}|\"[A-Za-z0-9_.:-]{1,255}\")$";
            headers.Add(key);
        }

        if (contract.AcceptLanguage)
        {
            headers.Add(HeaderParameter("Accept-Language", required: false,
                "Language of finding messages: English when English is preferred over Chinese (`en`, `en-US`), Chinese otherwise (default).",
                "\"zh-CN\""));
        }

        if (headers.Count > 0)
        {
            operation.Parameters ??= [];
            foreach (var header in headers)
            {
                operation.Parameters.Add(header);
            }
        }
    }

    // An entity tag is a quoted string (RFC 9110 §8.8.3): the example is sent as `"1"`, quotes included,
    // the version every demo resource has after start, so the prefilled request matches it.
    private const string EntityTag = "\"\\\"1\\\"\"";

    private static OpenApiParameter HeaderParameter(string name, bool required, string description, string example) => new()
    {
        Name = name,
        In = ParameterLocation.Header,
        Required = required,
        Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        Example = OpenApiSetup.Json(example),
    };

    /// <summary>A body the endpoint reads itself: each media type as a string (binary or text), a form as its one file field.</summary>
    private static OpenApiRequestBody FileBody(IReadOnlyList<FileContent> files) => new()
    {
        Content = files.ToDictionary(f => f.MediaType, f =>
        {
            var file = new OpenApiSchema { Type = JsonSchemaType.String, Format = f.Binary ? "binary" : null, Description = f.Description };
            return new OpenApiMediaType
            {
                Schema = f.MediaType == "multipart/form-data"
                    ? new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Required = new HashSet<string> { "file" },
                        Properties = new Dictionary<string, IOpenApiSchema> { ["file"] = file },
                    }
                    : file,
                Example = f.Example is null ? null : JsonValue.Create(f.Example),
            };
        }),
    };

    private void DescribeRequestBody(OpenApiOperation operation, Contract contract)
    {
        if (operation.RequestBody is not OpenApiRequestBody body)
        {
            return;
        }

        body.Required = true;
        foreach (var media in body.Content?.Values ?? Enumerable.Empty<OpenApiMediaType>())
        {
            // The body is the request schema itself, not a wrapper repeating its description.
            if (media.Schema is OpenApiSchema { AllOf: [OpenApiSchemaReference reference] })
            {
                media.Schema = reference;
            }
        }

        body.Description ??= contract.RequestDescription;
        var examples = contract.Examples.Where(e => e.Request is not null).ToList();
        if (examples.Count == 0 || body.Content is null)
        {
            return;
        }

        foreach (var media in body.Content.Values)
        {
            media.Examples = Examples(examples, e => (e.Summary, e.Request!));
        }
    }

    private void DescribeSuccess(OpenApiOperation operation, OperationFilterContext context, Contract contract, bool tagged)
    {
        operation.Responses ??= [];
        var examples = contract.Examples.Where(e => e.Response is not null).ToList();

        foreach (var (code, response) in operation.Responses.Where(r => r.Key.StartsWith('2')).ToList())
        {
            if (response is not OpenApiResponse concrete)
            {
                continue;
            }

            if (contract.ResponseDescription is not null)
            {
                concrete.Description = contract.ResponseDescription;
            }

            if (contract.ResponseFiles.Count > 0)
            {
                concrete.Content = contract.ResponseFiles.ToDictionary(f => f.MediaType, f => new OpenApiMediaType
                {
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = f.Binary ? "binary" : null, Description = f.Description },
                    Example = f.Example is null ? null : JsonValue.Create(f.Example),
                });
            }
            else if (examples.Count > 0 && concrete.Content is not null)
            {
                foreach (var media in concrete.Content.Values)
                {
                    media.Examples = Examples(examples, e => (e.ResponseSummary ?? e.Summary, e.Response!));
                }
            }

            var headers = new Dictionary<string, IOpenApiHeader>();
            if (tagged)
            {
                headers["ETag"] = new OpenApiHeaderReference("ETag", context.Document);
            }

            if (contract.ResponseFiles.Count > 0)
            {
                headers["Content-Disposition"] = new OpenApiHeaderReference("Content-Disposition", context.Document);
            }

            if (code == "201" && !contract.IdempotencyKey)
            {
                headers["Location"] = new OpenApiHeaderReference("Location", context.Document);
            }

            if (contract.IdempotencyKey)
            {
                headers["Idempotent-Replayed"] = new OpenApiHeaderReference("Idempotent-Replayed", context.Document);
            }

            if (headers.Count > 0)
            {
                concrete.Headers = headers;
            }
        }
    }

    private Dictionary<string, IOpenApiExample> Examples(IEnumerable<ContractExample> examples, Func<ContractExample, (string Summary, object Value)> part) =>
        examples.ToDictionary(e => e.Name, e =>
        {
            var (summary, value) = part(e);
            return (IOpenApiExample)new OpenApiExample { Summary = summary, Value = Node(value, _json) };
        });

    private static void AddProblems(
        OpenApiOperation operation, OpenApiDocument document, string method, bool tagged, bool hasBody, bool hasPathParameters,
        bool writes, bool conditionalWrite, Contract contract)
    {
        var statuses = new SortedSet<int> { 400, 401, 403, 429, 500, 503 };
        if (hasPathParameters)
        {
            statuses.Add(404);
        }

        if (hasBody)
        {
            statuses.UnionWith([413, 415]);
        }

        if (writes)
        {
            statuses.UnionWith([409, 422]);
        }

        if (conditionalWrite)
        {
            statuses.Add(412);
            if (!contract.IfMatchOptional)
            {
                statuses.Add(428);
            }
        }

        statuses.UnionWith(contract.Problems);

        var responses = operation.Responses ??= [];
        if (method == "GET" && tagged)
        {
            responses["304"] = new OpenApiResponseReference(ProblemCatalog.NotModified, document);
        }

        foreach (var status in statuses)
        {
            var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            responses[key] = new OpenApiResponseReference(ProblemCatalog.ByStatus(status).Name, document);
        }

        // Numeric order reads best in Swagger UI and in the YAML.
        var ordered = responses.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        responses.Clear();
        foreach (var (key, value) in ordered)
        {
            responses[key] = value;
        }
    }
}
