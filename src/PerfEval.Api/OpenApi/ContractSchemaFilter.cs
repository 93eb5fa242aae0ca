using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FluentValidation;
using FluentValidation.Validators;
using Microsoft.OpenApi;
using PerfEval.Application.Common;
using PerfEval.Application.Evaluations;
using PerfEval.Application.Scoring;
using PerfEval.Application.YearViews;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace PerfEval.Api.OpenApi;

/// <summary>
/// Makes each schema say what the JSON does: route-filled properties are not in it, required means
/// what the strict deserializer requires, enums list their meanings, every field has its domain
/// description, and the request validators' simple rules (lengths, ranges, patterns) are bounds.
/// </summary>
internal sealed class ContractSchemaFilter(IServiceProvider services) : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        // Type definitions only; member schemas are handled with their declaring type.
        if (schema is not OpenApiSchema definition || context.MemberInfo is not null || context.ParameterInfo is not null)
        {
            return;
        }

        var type = context.Type;
        if (SchemaDocs.Types.TryGetValue(DocName(type), out var about))
        {
            definition.Description = about;
        }

        if (type.IsEnum)
        {
            DescribeEnum(definition, type);
            return;
        }

        if (definition.Properties is not { Count: > 0 })
        {
            return;
        }

        DropRouteValues(definition, type);
        RequireConstructorParameters(definition, type);
        Describe(definition, type);
        ApplyValidatorBounds(definition, type, context.SchemaRepository);
        SchemaDocs.Bounds.GetValueOrDefault(DocName(type))?.Invoke(definition);
    }

    /// <summary>The JSON name of a property, as <see cref="JsonText"/> writes it.</summary>
    public static string JsonName(PropertyInfo property) =>
        property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);

    /// <summary>The C# type name without generic arity: the key of <see cref="SchemaDocs"/>.</summary>
    public static string DocName(Type type) => type.IsGenericType ? type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)] : type.Name;

    private static void DescribeEnum(OpenApiSchema schema, Type type)
    {
        var meanings = SchemaDocs.Enums.GetValueOrDefault(type);
        var values = schema.Enum?.Select(v => v?.GetValue<string>() ?? string.Empty).ToList() ?? [];
        if (values.Count == 0)
        {
            return;
        }

        var lines = values.Select(v => meanings?.GetValueOrDefault(v) is { } meaning ? $"- `{v}`: {meaning}" : $"- `{v}`");
        schema.Description = string.Join("\n", new[] { schema.Description }.Where(d => !string.IsNullOrWhiteSpace(d)).Append(string.Join("\n", lines)));
        schema.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        schema.Extensions["x-enum-descriptions"] = new JsonNodeExtension(new JsonArray([.. values.Select(v => (JsonNode?)JsonValue.Create(meanings?.GetValueOrDefault(v) ?? v))]));
    }

    /// <summary>[RouteValue] properties are removed from the JSON contract by JsonText: not in the schema either.</summary>
    private static void DropRouteValues(OpenApiSchema schema, Type type)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.IsDefined(typeof(RouteValueAttribute), inherit: true)))
        {
            var name = JsonName(property);
            schema.Properties!.Remove(name);
            schema.Required?.Remove(name);
        }
    }

    /// <summary>
    /// With RespectRequiredConstructorParameters, every constructor parameter without a default
    /// must be present in the JSON (null where the type allows it), as must C# required members.
    /// </summary>
    private static void RequireConstructorParameters(OpenApiSchema schema, Type type)
    {
        var constructors = type.GetConstructors(BindingFlags.Public | BindingFlags.Instance);
        var constructor = constructors.FirstOrDefault(c => c.IsDefined(typeof(JsonConstructorAttribute)))
            ?? (constructors.Any(c => c.GetParameters().Length == 0) || constructors.Length != 1 ? null : constructors[0]);
        if (constructor is null)
        {
            return;
        }

        foreach (var parameter in constructor.GetParameters().Where(p => !p.HasDefaultValue && p.Name is not null))
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(parameter.Name!);
            if (schema.Properties!.ContainsKey(name))
            {
                schema.Required ??= new SortedSet<string>(StringComparer.Ordinal);
                schema.Required.Add(name);
            }
        }
    }

    private static void Describe(OpenApiSchema schema, Type type)
    {
        var docName = DocName(type);
        foreach (var name in schema.Properties!.Keys.ToList())
        {
            var description = docName switch
            {
                nameof(FindingResponse) or nameof(YearFinding) when name == "code" => FindingCodeTable(),
                _ => SchemaDocs.For(docName, name),
            };
            var property = schema.Properties[name];
            if (docName == nameof(IndicatorScorecard) && name == "flags" && property is OpenApiSchema { Items: OpenApiSchema items })
            {
                items.Enum = [.. SchemaDocs.IndicatorFlags.Keys.Select(k => (JsonNode)JsonValue.Create(k))];
                description += "\n" + string.Join("\n", SchemaDocs.IndicatorFlags.Select(f => $"- `{f.Key}`: {f.Value}"));
            }

            if (description is null)
            {
                continue;
            }

            switch (property)
            {
                case OpenApiSchema concrete:
                    concrete.Description = description;
                    break;
                case OpenApiSchemaReference reference:
                    // A $ref cannot carry a description in OpenAPI 3.0: wrap it.
                    schema.Properties[name] = new OpenApiSchema { AllOf = [reference], Description = description };
                    break;
            }
        }
    }

    private static string FindingCodeTable() =>
        "稳定的发现代码，客户端可据此分支 Stable finding code: clients may switch on it.\n\n" + FindingCatalogue.MarkdownTable().TrimEnd('\n');

    /// <summary>The request validator's simple rules (lengths, ranges, patterns, non-empty), as schema bounds.</summary>
    private void ApplyValidatorBounds(OpenApiSchema schema, Type type, SchemaRepository repository)
    {
        if (services.GetService(typeof(IValidator<>).MakeGenericType(type)) is IValidator validator)
        {
            ApplyValidatorBounds(schema, validator, type, repository);
        }
    }

    private static void ApplyValidatorBounds(OpenApiSchema schema, IValidator validator, Type type, SchemaRepository repository)
    {
        foreach (var rule in validator.CreateDescriptor().Rules)
        {
            var name = rule.PropertyName is { Length: > 0 } member
                ? schema.Properties?.Keys.FirstOrDefault(k => string.Equals(k, member, StringComparison.OrdinalIgnoreCase))
                : null;
            if (name is null || schema.Properties![name] is not OpenApiSchema property)
            {
                continue;
            }

            // RuleForEach rules constrain the elements, not the collection: ChildRules bound the
            // element's schema; other per-element rules are left to the descriptions.
            var perElement = rule.GetType().GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICollectionRule<,>));
            foreach (var component in rule.Components)
            {
                var conditional = rule.HasCondition || rule.HasAsyncCondition || component.HasCondition || component.HasAsyncCondition;
                if (!perElement)
                {
                    Bound(property, component.Validator, conditional);
                }
                else if (component.Validator is IChildValidatorAdaptor && !conditional
                    && property.Items is OpenApiSchemaReference { Reference.Id: { } id }
                    && repository.Schemas.TryGetValue(id, out var element) && element is OpenApiSchema elementSchema
                    && ChildValidator(component.Validator, type) is { } child)
                {
                    ApplyValidatorBounds(elementSchema, child, type, repository);
                }
            }
        }
    }

    /// <summary>The validator ChildRules built for the elements (a fixed instance: no context needed).</summary>
    private static IValidator? ChildValidator(IPropertyValidator adaptor, Type type)
    {
        var getValidator = adaptor.GetType().GetMethod("GetValidator");
        var context = Activator.CreateInstance(typeof(ValidationContext<>).MakeGenericType(type), [null]);
        return getValidator?.Invoke(adaptor, [context, null]) as IValidator;
    }

    private static void Bound(OpenApiSchema property, IPropertyValidator rule, bool conditional)
    {
        var isArray = property.Type?.HasFlag(JsonSchemaType.Array) == true;
        switch (rule)
        {
            case INotEmptyValidator when !conditional && isArray:
                property.MinItems = Math.Max(property.MinItems ?? 0, 1);
                break;
            case INotEmptyValidator when !conditional && property.Type?.HasFlag(JsonSchemaType.String) == true:
                property.MinLength = Math.Max(property.MinLength ?? 0, 1);
                break;
            case ILengthValidator length when property.Type?.HasFlag(JsonSchemaType.String) == true:
                if (length.Max > 0)
                {
                    property.MaxLength = property.MaxLength is { } max ? Math.Min(max, length.Max) : length.Max;
                }

                if (length.Min > 0 && !conditional)
                {
                    property.MinLength = Math.Max(property.MinLength ?? 0, length.Min);
                }

                break;
            case IBetweenValidator { Name: "InclusiveBetweenValidator" } between when Number(between.From) is { } from && Number(between.To) is { } to:
                property.Minimum = Tighter(property.Minimum, from, lower: true);
                property.Maximum = Tighter(property.Maximum, to, lower: false);
                break;
            case IComparisonValidator { Comparison: Comparison.GreaterThanOrEqual } comparison when Number(comparison.ValueToCompare) is { } minimum:
                property.Minimum = Tighter(property.Minimum, minimum, lower: true);
                break;
            case IComparisonValidator { Comparison: Comparison.LessThanOrEqual } comparison when Number(comparison.ValueToCompare) is { } maximum:
                property.Maximum = Tighter(property.Maximum, maximum, lower: false);
                break;
            case IRegularExpressionValidator pattern when property.Type?.HasFlag(JsonSchemaType.String) == true:
                property.Pattern = pattern.Expression;
                break;
        }
    }

    private static decimal? Number(object? value) => value switch
    {
        int i => i,
        long l => l,
        decimal d => d,
        _ => null,
    };

    private static string Tighter(string? current, decimal candidate, bool lower)
    {
        if (current is not null && decimal.TryParse(current, NumberStyles.Number, CultureInfo.InvariantCulture, out var existing)
            && (lower ? existing >= candidate : existing <= candidate))
        {
            return current;
        }

        return candidate.ToString(CultureInfo.InvariantCulture);
    }
}
