using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.OpenApi;
using PerfEval.Api.Security;
using PerfEval.Application.Common;
using PerfEval.Application.Evaluations;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace PerfEval.Api.OpenApi;

/// <summary>
/// Applies <see cref="OperationDocs"/> to each operation and adds, generically by route, method and
/// scope, what every endpoint of that kind does: the security requirement, the conditional-request
/// and idempotency headers, ETag/Location headers, and every problem response it can give.
/// </summary>
internal sealed class ContractOperationFilter : IOperationFilter
{
    public const string ScopeExtension = "x-required-scope";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var api = context.ApiDescription;
        var method = (api.HttpMethod ?? "GET").ToUpperInvariant();
        var doc = operation.OperationId is { } id ? OperationDocs.Operations.GetValueOrDefault(id) : null;
        var scope = api.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>()
            .Select(a => a.Policy).LastOrDefault(p => p is not null && Scopes.All.Contains(p));
        var success = api.SupportedResponseTypes.Where(r => r.StatusCode is >= 200 and < 300).OrderBy(r => r.StatusCode).FirstOrDefault();
        var successType = doc?.ResponseType ?? success?.Type;
        var tagged = successType is not null && (typeof(IVersioned).IsAssignableFrom(successType) || successType == typeof(ScorecardResponse));
        var conditionalWrite = method is "PUT" or "PATCH" or "DELETE";
        if (doc?.RequestContent is { } files && operation.RequestBody is null)
        {
            operation.RequestBody = FileBody(files);
        }

        var hasBody = operation.RequestBody is not null || api.ParameterDescriptions.Any(p => p.Source == BindingSource.Body);
        var hasPathParameters = api.ParameterDescriptions.Any(p => p.Source == BindingSource.Path);
        var writes = method is "POST" or "PUT" or "PATCH" or "DELETE" && scope is not null && scope != Scopes.Read;

        // WithSummary is the summary (not an XML comment of the handler method).
        operation.Summary = api.ActionDescriptor.EndpointMetadata.OfType<IEndpointSummaryMetadata>().LastOrDefault()?.Summary ?? operation.Summary;
        // An empty description here keeps the endpoint's own WithDescription.
        if (doc is { Description.Length: > 0 })
        {
            operation.Description = doc.Description;
        }

        if (scope is not null)
        {
            operation.Description = (operation.Description is { Length: > 0 } d ? d + "\n\n" : string.Empty)
                + $"**Scope:** `{scope}` (in Development: `{DemoKey(scope)}`).";
            operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
            operation.Extensions[ScopeExtension] = new JsonNodeExtension(JsonValue.Create(scope));
        }

        DescribeParameters(operation, context, doc);
        AddHeaders(operation, doc, method, tagged, conditionalWrite);
        DescribeRequestBody(operation, doc);
        DescribeSuccess(operation, context, doc, tagged);
        AddProblems(operation, context.Document, method, tagged, hasBody, hasPathParameters, writes, conditionalWrite, doc);
    }

    private static string DemoKey(string scope) => scope switch
    {
        Scopes.Read => "demo-reader-key",
        Scopes.DataWrite => "demo-writer-key",
        Scopes.AdjustmentsWrite => "demo-pusher-key",
        _ => "demo-admin-key",
    };

    private static void DescribeParameters(OpenApiOperation operation, OperationFilterContext context, OperationDoc? doc)
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

            var about = doc?.Parameters.GetValueOrDefault(parameter.Name)
                ?? OperationDocs.CommonParameters.GetValueOrDefault($"{parameter.In?.ToString().ToLowerInvariant()}:{parameter.Name}");
            if (about is null)
            {
                continue;
            }

            Apply(parameter, about, context);
        }
    }

    private static void Apply(OpenApiParameter parameter, ParameterDoc about, OperationFilterContext context)
    {
        parameter.Description = about.Description;
        if (about.Example is not null)
        {
            parameter.Example = OpenApiSetup.Json(about.Example);
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
            schema.Minimum = about.Minimum ?? schema.Minimum;
            schema.Maximum = about.Maximum ?? schema.Maximum;
            schema.Pattern = about.Pattern ?? schema.Pattern;
            schema.MaxLength = about.MaxLength ?? schema.MaxLength;
            if (about.Default is not null)
            {
                schema.Default = OpenApiSetup.Json(about.Default);
            }
        }

        if (about.Required)
        {
            parameter.Required = true;
        }
    }

    private static void AddHeaders(OpenApiOperation operation, OperationDoc? doc, string method, bool tagged, bool conditionalWrite)
    {
        var headers = new List<IOpenApiParameter>();
        if (conditionalWrite)
        {
            var optional = doc?.IfMatchOptional == true;
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

        if (doc?.IdempotencyKey == true)
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

        if (doc?.AcceptLanguage == true)
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
    private static OpenApiRequestBody FileBody(IReadOnlyDictionary<string, FileContent> files) => new()
    {
        Content = files.ToDictionary(f => f.Key, f =>
        {
            var file = new OpenApiSchema { Type = JsonSchemaType.String, Format = f.Value.Binary ? "binary" : null, Description = f.Value.Description };
            return new OpenApiMediaType
            {
                Schema = f.Key == "multipart/form-data"
                    ? new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Required = new HashSet<string> { "file" },
                        Properties = new Dictionary<string, IOpenApiSchema> { ["file"] = file },
                    }
                    : file,
                Example = f.Value.Example is null ? null : JsonValue.Create(f.Value.Example),
            };
        }),
    };

    private static void DescribeRequestBody(OpenApiOperation operation, OperationDoc? doc)
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

        body.Description ??= doc?.RequestDescription;
        if (doc is null || doc.RequestExamples.Count == 0 || body.Content is null)
        {
            return;
        }

        foreach (var media in body.Content.Values)
        {
            media.Examples = Examples(doc.RequestExamples);
        }
    }

    private static void DescribeSuccess(OpenApiOperation operation, OperationFilterContext context, OperationDoc? doc, bool tagged)
    {
        operation.Responses ??= [];
        if (doc?.ResponseStatus is { } status && doc.ResponseType is { } type)
        {
            // The endpoint writes the response itself (IResult): say what it writes.
            operation.Responses.Remove("200");
            operation.Responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new OpenApiResponse
            {
                Description = "Created.",
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new() { Schema = context.SchemaGenerator.GenerateSchema(type, context.SchemaRepository) },
                },
            };
        }

        foreach (var (code, response) in operation.Responses.Where(r => r.Key.StartsWith('2')).ToList())
        {
            if (response is not OpenApiResponse concrete)
            {
                continue;
            }

            if (doc?.ResponseDescription is not null)
            {
                concrete.Description = doc.ResponseDescription;
            }

            if (doc?.ResponseContent is { } files)
            {
                concrete.Content = files.ToDictionary(f => f.Key, f => new OpenApiMediaType
                {
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = f.Value.Binary ? "binary" : null, Description = f.Value.Description },
                    Example = f.Value.Example is null ? null : JsonValue.Create(f.Value.Example),
                });
            }
            else if (doc is not null && doc.ResponseExamples.Count > 0 && concrete.Content is not null)
            {
                foreach (var media in concrete.Content.Values)
                {
                    media.Examples = Examples(doc.ResponseExamples);
                }
            }

            var headers = new Dictionary<string, IOpenApiHeader>();
            if (tagged)
            {
                headers["ETag"] = new OpenApiHeaderReference("ETag", context.Document);
            }

            if (doc?.ResponseContent is not null)
            {
                headers["Content-Disposition"] = new OpenApiHeaderReference("Content-Disposition", context.Document);
            }

            if (code == "201" && doc?.IdempotencyKey != true)
            {
                headers["Location"] = new OpenApiHeaderReference("Location", context.Document);
            }

            if (doc?.IdempotencyKey == true)
            {
                headers["Idempotent-Replayed"] = new OpenApiHeaderReference("Idempotent-Replayed", context.Document);
            }

            if (headers.Count > 0)
            {
                concrete.Headers = headers;
            }
        }
    }

    private static Dictionary<string, IOpenApiExample> Examples(IReadOnlyDictionary<string, Example> examples) =>
        examples.ToDictionary(e => e.Key, e => (IOpenApiExample)new OpenApiExample { Summary = e.Value.Summary, Value = OpenApiSetup.Json(e.Value.Json) });

    private static void AddProblems(
        OpenApiOperation operation, OpenApiDocument document, string method, bool tagged, bool hasBody, bool hasPathParameters,
        bool writes, bool conditionalWrite, OperationDoc? doc)
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
            if (doc?.IfMatchOptional != true)
            {
                statuses.Add(428);
            }
        }

        statuses.UnionWith(doc?.MoreProblems ?? []);

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
