using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using PerfEval.Api.Security;

namespace PerfEval.Api.OpenApi;

/// <summary>
/// The published contract (openapi.yaml) and Swagger UI. Swashbuckle builds the document from the
/// endpoints, whose words stand beside each Map call (<see cref="EndpointContract"/>), and from the
/// records' XML comments; the filters in this folder add what every endpoint of a kind shares: every
/// problem response, the headers, the security, the tags.
/// </summary>
internal static class OpenApiSetup
{
    public const string DocumentName = "v1";
    public const string ApiKeyScheme = "ApiKey";
    public const string BearerScheme = "Bearer";

    public static IServiceCollection AddPerfEvalOpenApi(this IServiceCollection services, IConfiguration configuration)
    {
        // Bearer tokens are offered only where the service accepts them (Security:Jwt:Authority set);
        // the committed openapi.yaml is generated without, so it describes the API key only.
        var bearer = !string.IsNullOrWhiteSpace(configuration[$"{SecurityOptions.Section}:Jwt:Authority"]);
        services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc(DocumentName, ApiDescriptionText.Info());
            o.SupportNonNullableReferenceTypes();
            o.UseAllOfToExtendReferenceSchemas();

            // Money, rates and scores are exact decimals: a generated client must not see a binary floating-point type.
            o.MapType<decimal>(() => new OpenApiSchema { Type = JsonSchemaType.Number, Format = "decimal" });
            o.MapType<decimal?>(() => new OpenApiSchema { Type = JsonSchemaType.Number | JsonSchemaType.Null, Format = "decimal" });

            // The Application's XML docs describe the records; the API's own comments are for developers.
            var xml = Path.ChangeExtension(typeof(Application.DependencyInjection).Assembly.Location, ".xml");
            if (File.Exists(xml))
            {
                o.IncludeXmlComments(xml);
            }

            o.AddSecurityDefinition(ApiKeyScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeyAuthentication.Header,
                Description = "The client's API key (X-Api-Key). Development ships demo keys: `demo-reader-key` (perf.read), "
                    + "`demo-writer-key` (perf.read, data.write), `demo-pusher-key` (perf.read, adjustments.write), "
                    + "`demo-admin-key` (every scope). Production refuses to start with a demo key.",
            });
            if (bearer)
            {
                o.AddSecurityDefinition(BearerScheme, new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "JWT",
                    Description = "A token of the organisation's identity provider; its scope/scp/roles claims name the scopes. Used only when no X-Api-Key is sent.",
                });
            }

            o.SchemaFilter<ContractSchemaFilter>();
            o.OperationFilter<ContractOperationFilter>();
            o.DocumentFilter<ContractDocumentFilter>();
        });
        return services;
    }

    /// <summary>The document at /swagger/v1/swagger.json (and .yaml) and Swagger UI at /swagger.</summary>
    public static WebApplication UsePerfEvalSwagger(this WebApplication app)
    {
        app.UseSwagger();
        app.UseSwaggerUI(o =>
        {
            o.DocumentTitle = "PerfEval API";
            o.SwaggerEndpoint($"/swagger/{DocumentName}/swagger.json", "PerfEval API v1");
            o.EnablePersistAuthorization();
            o.DisplayOperationId();
            o.DisplayRequestDuration();
            o.EnableTryItOutByDefault();
            o.EnableFilter();
            o.DefaultModelsExpandDepth(0);
        });
        return app;
    }

    /// <summary>JSON text of an example, as a node the document can hold.</summary>
    public static JsonNode Json(string text) => JsonNode.Parse(text) ?? throw new InvalidOperationException("Empty example.");
}
