using System.Text.Json.Nodes;
using PerfEval.Application.Common;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace PerfEval.Api.OpenApi;

/// <summary>
/// The document as a whole: the shared problem responses and headers the operation filter refers
/// to, the tags with their descriptions, the health endpoints, response schemas that say every
/// field is always present, and no schema that nothing refers to.
/// </summary>
internal sealed class ContractDocumentFilter : IDocumentFilter
{
    public const string ProblemDetails = "ProblemDetails";
    public const string ValidationProblemDetails = "HttpValidationProblemDetails";
    public const string ProblemJson = "application/problem+json";

    /// <summary>The tags in the order Swagger UI shows them, with what each groups.</summary>
    private static readonly IReadOnlyDictionary<string, string> Tags = new Dictionary<string, string>
    {
        ["Departments"] = "部门单位 budget units: code, name, region, unit type, level, functions, staffing (编制), divisions (科室).",
        ["Fiscal years"] = "年度: open → evaluation → closed (closed years refuse every write to their data with 409), and the scoring scheme each year uses.",
        ["Budgets"] = "预算: the budget summary of a department-year (adjustment rate 预算调整率, execution rate 预算执行率) and its budget lines.",
        ["Budget adjustments"] = "年中调增/调减: the append-only adjustment ledger and the idempotent batch push of the budget systems.",
        ["Projects"] = "项目: a department's projects, on-platform (线上) or tracked internally (线下).",
        ["Indicators"] = "绩效指标: a department-year's performance indicators, as the report lists them.",
        ["Evaluations"] = "自评: the scorecard (评价结果) computed by rule, and the report's declared figures and narrative.",
        ["Scoring"] = "评分方案: scoring schemes (every setting of the rules, versioned) and the what-if preview.",
        ["Year views"] = "年度汇总: a year's ranking, summary, findings and exports across departments.",
        ["Report imports"] = "报告导入: a department's self-evaluation report uploaded as written (text, Word or PDF) and read into a draft for review.",
        ["Changes"] = "The change feed: every committed change, in commit order, for systems that follow the data.",
        ["Audit"] = "审计: the log of every write.",
        ["Health"] = "Liveness and readiness probes.",
    };

    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        swaggerDoc.Components ??= new OpenApiComponents();
        AddProblemSchemas(swaggerDoc);
        AddHeaders(swaggerDoc);
        AddProblemResponses(swaggerDoc);
        AddHealth(swaggerDoc);
        AddSecurity(swaggerDoc);
        AddTags(swaggerDoc);
        RewriteNullableReferences(swaggerDoc);
        MarkResponseFieldsRequired(swaggerDoc);
        RemoveUnreferencedSchemas(swaggerDoc);
    }

    private static void AddProblemSchemas(OpenApiDocument document)
    {
        var schemas = document.Components!.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        schemas[ProblemDetails] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "An RFC 9457 problem (application/problem+json). Never a stack trace, a type name or SQL.",
            Required = new HashSet<string> { "title", "status", "instance", "traceId" },
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "A URI for the kind of problem (the RFC 9110 status section); absent on some problems." },
                ["title"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Short summary of the kind of problem." },
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "The HTTP status code." },
                ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "What went wrong with this request and what to do; absent when the title says it all." },
                ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The request path." },
                ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The request id (also the X-Request-Id response header and the audit log's requestId): quote it when reporting a problem." },
            },
        };
        schemas[ValidationProblemDetails] = new OpenApiSchema
        {
            Description = "A problem with the fields that must change, every one at once.",
            AllOf =
            [
                new OpenApiSchemaReference(ProblemDetails, document),
                new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["errors"] = new OpenApiSchema
                        {
                            Type = JsonSchemaType.Object,
                            Description = "Messages by JSON path of the field (`adjustments[3].amount`), query parameter (`limit`) or header (`If-Match`). "
                                + "Present for field errors (400), business rules (422) and batch conflicts (409); absent when the body is not readable JSON.",
                            AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
                        },
                    },
                },
            ],
        };
    }

    private static void AddHeaders(OpenApiDocument document)
    {
        var headers = document.Components!.Headers ??= new Dictionary<string, IOpenApiHeader>();
        headers["ETag"] = Header("The resource's entity tag: its row version (`\"3\"`), or for a scorecard a hash of its content. Send it as If-Match to change the resource, or as If-None-Match to get 304 while it is unchanged.", "\"1\"");
        headers["Location"] = Header("The URL of the created resource.", "/api/v1/departments/GXQ-SWJ-ZS");
        headers["Retry-After"] = new OpenApiHeader
        {
            Description = "Seconds to wait before retrying.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "0" },
            Example = JsonValue.Create(5),
        };
        headers["Content-Disposition"] = Header("`attachment` with the file name, e.g. `attachment; filename=perfeval-2024-scorecards.csv`.", "attachment; filename=perfeval-2024-scorecards.csv");
        headers["Idempotent-Replayed"] = Header("`true` when this is the stored response of an earlier request with the same Idempotency-Key and payload.", "true");
    }

    private static OpenApiHeader Header(string description, string example) => new()
    {
        Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        Example = JsonValue.Create(example),
    };

    private static void AddProblemResponses(OpenApiDocument document)
    {
        var responses = document.Components!.Responses ??= new Dictionary<string, IOpenApiResponse>();
        foreach (var problem in ProblemCatalog.All)
        {
            var media = new OpenApiMediaType
            {
                Schema = new OpenApiSchemaReference(problem.Validation ? ValidationProblemDetails : ProblemDetails, document),
                Examples = problem.Examples.ToDictionary(e => e.Key, e => (IOpenApiExample)new OpenApiExample { Summary = e.Value.Summary, Value = System.Text.Json.JsonSerializer.SerializeToNode(e.Value.Problem, e.Value.Problem.GetType(), JsonText.Options) }),
            };
            var response = new OpenApiResponse
            {
                Description = problem.Description,
                Content = new Dictionary<string, OpenApiMediaType> { [ProblemJson] = media },
            };
            if (problem.RetryAfter)
            {
                response.Headers = new Dictionary<string, IOpenApiHeader> { ["Retry-After"] = new OpenApiHeaderReference("Retry-After", document) };
            }

            responses[problem.Name] = response;
        }

        responses[ProblemCatalog.NotModified] = new OpenApiResponse
        {
            Description = "Not modified: the resource still has the ETag sent in If-None-Match. No body.",
            Headers = new Dictionary<string, IOpenApiHeader> { ["ETag"] = new OpenApiHeaderReference("ETag", document) },
        };
    }

    /// <summary>Every operation that needs a scope takes the API key or, where configured, a bearer token.</summary>
    private static void AddSecurity(OpenApiDocument document)
    {
        var schemes = new[] { OpenApiSetup.ApiKeyScheme, OpenApiSetup.BearerScheme }
            .Where(s => document.Components!.SecuritySchemes?.ContainsKey(s) == true)
            .ToList();
        foreach (var operation in document.Paths.Values.SelectMany(p => p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()))
        {
            if (operation.Extensions?.ContainsKey(ContractOperationFilter.ScopeExtension) == true)
            {
                operation.Security = [.. schemes.Select(s => new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(s, document)] = [] })];
            }
        }
    }

    /// <summary>The health endpoints are mapped with MapHealthChecks, which API Explorer does not see.</summary>
    private static void AddHealth(OpenApiDocument document)
    {
        static OpenApiResponse Text(string description, string value, string example) => new()
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["text/plain"] = new()
                {
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create(value)], Description = $"`{value}`." },
                    Examples = new Dictionary<string, IOpenApiExample> { [value.ToLowerInvariant()] = new OpenApiExample { Summary = example, Value = JsonValue.Create(value) } },
                },
            },
        };

        OpenApiPathItem Health(string operationId, string summary, string description, bool checksDatabase)
        {
            var responses = new OpenApiResponses { ["200"] = Text("Healthy.", "Healthy", "The service answers") };
            if (checksDatabase)
            {
                responses["503"] = Text("Unhealthy: do not send traffic.", "Unhealthy", "The database does not answer");
            }

            return new OpenApiPathItem
            {
                Operations = new Dictionary<HttpMethod, OpenApiOperation>
                {
                    [HttpMethod.Get] = new()
                    {
                        OperationId = operationId,
                        Summary = summary,
                        Description = description,
                        Tags = new HashSet<OpenApiTagReference> { new("Health", document) },
                        Security = [],
                        Responses = responses,
                    },
                },
            };
        }

        document.Paths ??= new OpenApiPaths();
        document.Paths["/health/live"] = Health("getLiveness", "存活探针 Liveness",
            "Liveness probe: 200 `Healthy` while the process runs. No key needed, not rate limited, touches no database.", checksDatabase: false);
        document.Paths["/health/ready"] = Health("getReadiness", "就绪探针 Readiness",
            "Readiness probe: 200 `Healthy` when the database answers a query, 503 `Unhealthy` otherwise. No key needed, not rate limited.", checksDatabase: true);
    }

    private static void AddTags(OpenApiDocument document)
    {
        var used = document.Paths.Values
            .SelectMany(p => p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
            .SelectMany(o => o.Tags ?? Enumerable.Empty<OpenApiTagReference>())
            .Select(t => t.Name)
            .OfType<string>()
            .Distinct()
            .ToList();
        var order = Tags.Keys.ToList();
        document.Tags = new HashSet<OpenApiTag>(used
            .OrderBy(t => order.IndexOf(t) is var i and >= 0 ? i : int.MaxValue)
            .ThenBy(t => t, StringComparer.Ordinal)
            .Select(t => new OpenApiTag { Name = t, Description = Tags.GetValueOrDefault(t) }));
    }

    /// <summary>
    /// Responses always carry every field (null where there is no value), so a schema only responses
    /// use lists them all as required, and may grow new fields (no additionalProperties: false).
    /// Schemas requests use keep what the strict deserializer requires.
    /// </summary>
    private static void MarkResponseFieldsRequired(OpenApiDocument document)
    {
        var schemas = document.Components!.Schemas!;
        var operations = document.Paths.Values.SelectMany(p => p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()).ToList();
        var requestRoots = operations
            .SelectMany(o => (o.RequestBody?.Content?.Values.Select(m => m.Schema) ?? [])
                .Concat(o.Parameters?.Select(p => p.Schema) ?? []));
        var responseRoots = operations
            .SelectMany(o => o.Responses?.Values ?? Enumerable.Empty<IOpenApiResponse>())
            .OfType<OpenApiResponse>()
            .SelectMany(r => r.Content?.Values.Select(m => m.Schema) ?? []);
        var inRequests = SchemaWalker.Reachable(requestRoots, schemas);
        var inResponses = SchemaWalker.Reachable(responseRoots, schemas);

        foreach (var name in inResponses.Except(inRequests).Except([ProblemDetails, ValidationProblemDetails]))
        {
            if (schemas[name] is OpenApiSchema { Properties.Count: > 0 } schema)
            {
                schema.Required = new SortedSet<string>(schema.Properties.Keys, StringComparer.Ordinal);
                schema.AdditionalPropertiesAllowed = true;
            }
        }
    }

    /// <summary>
    /// A nullable property of a referenced type comes as <c>allOf: [$ref]</c> with <c>nullable: true</c>,
    /// which OpenAPI 3.0 leaves undefined (nullable needs a type, and the referenced schema refuses
    /// null). Say it exactly: the referenced schema or null.
    /// </summary>
    private static void RewriteNullableReferences(OpenApiDocument document)
    {
        var schemas = document.Components!.Schemas!;
        foreach (var schema in schemas.Values.OfType<OpenApiSchema>())
        {
            foreach (var (name, property) in schema.Properties?.ToList() ?? [])
            {
                if (property is OpenApiSchema { AllOf: [OpenApiSchemaReference reference] } wrapper
                    && wrapper.Type is { } type && type.HasFlag(JsonSchemaType.Null)
                    && reference.Reference.Id is { } id && schemas.TryGetValue(id, out var target))
                {
                    var targetType = target.Type ?? JsonSchemaType.Object;
                    wrapper.AllOf = null;
                    wrapper.Type = null;
                    wrapper.AnyOf =
                    [
                        reference,
                        new OpenApiSchema { Type = (targetType & ~JsonSchemaType.Null) | JsonSchemaType.Null, Enum = [null!], Description = "null: no value." },
                    ];
                }
            }
        }
    }

    private static void RemoveUnreferencedSchemas(OpenApiDocument document)
    {
        var schemas = document.Components!.Schemas!;
        var roots = new List<IOpenApiSchema?>();
        foreach (var operation in document.Paths.Values.SelectMany(p => p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()))
        {
            roots.AddRange(operation.Parameters?.Select(p => p.Schema) ?? []);
            roots.AddRange(operation.RequestBody?.Content?.Values.Select(m => m.Schema) ?? []);
            roots.AddRange(operation.Responses?.Values.OfType<OpenApiResponse>().SelectMany(r => r.Content?.Values.Select(m => m.Schema) ?? []) ?? []);
        }

        roots.AddRange(document.Components.Responses?.Values.OfType<OpenApiResponse>().SelectMany(r => r.Content?.Values.Select(m => m.Schema) ?? []) ?? []);
        var reachable = SchemaWalker.Reachable(roots, schemas);
        foreach (var name in schemas.Keys.Where(n => !reachable.Contains(n)).ToList())
        {
            schemas.Remove(name);
        }
    }
}

/// <summary>Which component schemas a set of schemas refers to, directly or through others.</summary>
internal static class SchemaWalker
{
    public static HashSet<string> Reachable(IEnumerable<IOpenApiSchema?> roots, IDictionary<string, IOpenApiSchema> components)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<IOpenApiSchema>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<IOpenApiSchema>(roots.OfType<IOpenApiSchema>());
        while (pending.TryPop(out var schema))
        {
            if (!seen.Add(schema))
            {
                continue;
            }

            if (schema is OpenApiSchemaReference reference)
            {
                if (reference.Reference.Id is { } id && found.Add(id) && components.TryGetValue(id, out var target))
                {
                    pending.Push(target);
                }

                continue;
            }

            foreach (var child in Children(schema))
            {
                pending.Push(child);
            }
        }

        return found;
    }

    private static IEnumerable<IOpenApiSchema> Children(IOpenApiSchema schema) =>
        new[] { schema.Items, schema.AdditionalProperties, schema.Not }
            .Concat(schema.Properties?.Values ?? [])
            .Concat(schema.AllOf ?? [])
            .Concat(schema.OneOf ?? [])
            .Concat(schema.AnyOf ?? [])
            .OfType<IOpenApiSchema>();
}
