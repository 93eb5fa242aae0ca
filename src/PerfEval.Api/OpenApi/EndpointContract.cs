namespace PerfEval.Api.OpenApi;

/// <summary>What a parameter means, beside the endpoint that takes it; optionally its example, enum, bounds and default.</summary>
internal sealed record ParameterText(string Name, string Description)
{
    public object? Example { get; init; }
    public Type? EnumType { get; init; }
    public IReadOnlyList<string>? Values { get; init; }
    public decimal? Minimum { get; init; }
    public decimal? Maximum { get; init; }
    public object? Default { get; init; }
    public string? Pattern { get; init; }
    public int? MaxLength { get; init; }
    public bool Required { get; init; }
}

/// <summary>
/// A named example: instances of the endpoint's own request and response records, written with the
/// service's JSON options. The request is what the example sends; the response what the service
/// answers to it on the demo data (a test sends the one and compares the other).
/// </summary>
internal sealed record ContractExample(string Name, string Summary, object? Request, object? Response, string? ResponseSummary)
{
    /// <summary>Why the response is not compared with the live one on the demo data (null: it is).</summary>
    public string? NotOnDemoData { get; init; }
}

/// <summary>What the request body holds.</summary>
internal sealed record RequestText(string Description);

/// <summary>What the success response holds.</summary>
internal sealed record ResponseText(string Description);

/// <summary>A body the endpoint reads or writes itself (a file, not JSON): its media type and what it holds.</summary>
internal sealed record FileContent(string MediaType, string Description, bool Binary, string? Example, bool InRequest);

/// <summary>The protocol headers an operation takes beyond those its route, method and scope imply.</summary>
internal sealed record OperationHeaders(bool IdempotencyKey = false, bool AcceptLanguage = false, bool IfMatchOptional = false);

/// <summary>
/// The contract's words beside the endpoint they describe: <c>.WithParameter</c>, <c>.WithExample</c>
/// and the rest add endpoint metadata that <see cref="ContractOperationFilter"/> writes into the document.
/// </summary>
internal static class EndpointContract
{
    public static TBuilder WithParameter<TBuilder>(
        this TBuilder builder, string name, string description, object? example = null, Type? enumType = null,
        IReadOnlyList<string>? values = null, decimal? minimum = null, decimal? maximum = null, object? @default = null,
        string? pattern = null, int? maxLength = null, bool required = false)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ParameterText(name, description)
        {
            Example = example,
            EnumType = enumType,
            Values = values,
            Minimum = minimum,
            Maximum = maximum,
            Default = @default,
            Pattern = pattern,
            MaxLength = maxLength,
            Required = required,
        });

    /// <summary>An example exchange; <paramref name="responseSummary"/> when the response needs its own words.</summary>
    public static TBuilder WithExample<TBuilder>(
        this TBuilder builder, string name, string summary, object? request = null, object? response = null, string? responseSummary = null, string? notOnDemoData = null)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ContractExample(name, summary, request, response, responseSummary) { NotOnDemoData = notOnDemoData });

    public static TBuilder WithRequestDescription<TBuilder>(this TBuilder builder, string description)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new RequestText(description));

    public static TBuilder WithResponseDescription<TBuilder>(this TBuilder builder, string description)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new ResponseText(description));

    /// <summary>A body the endpoint reads itself, of this media type.</summary>
    public static TBuilder AcceptsFile<TBuilder>(this TBuilder builder, string mediaType, string description, bool binary, string? example = null)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new FileContent(mediaType, description, binary, example, InRequest: true));

    /// <summary>A file the endpoint answers with, of this media type.</summary>
    public static TBuilder ProducesFile<TBuilder>(this TBuilder builder, string mediaType, string description, bool binary, string? example = null)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new FileContent(mediaType, description, binary, example, InRequest: false));

    /// <summary>The batch push: Idempotency-Key required, Idempotent-Replayed answered.</summary>
    public static TBuilder RequiresIdempotencyKey<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new OperationHeaders(IdempotencyKey: true));

    /// <summary>Finding messages in the language of Accept-Language.</summary>
    public static TBuilder FollowsAcceptLanguage<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new OperationHeaders(AcceptLanguage: true));

    /// <summary>A PUT that also creates: If-Match only when replacing, so never 428.</summary>
    public static TBuilder CreatesWithoutIfMatch<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new OperationHeaders(IfMatchOptional: true));
}
