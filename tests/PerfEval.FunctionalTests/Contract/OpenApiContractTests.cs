using System.Globalization;
using PerfEval.Api.OpenApi;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PerfEval.FunctionalTests.Contract;

/// <summary>
/// openapi.yaml at the repository root is what client generators read: it must be exactly what the
/// service describes. Both are parsed and compared as trees (mappings by key, sequences in order,
/// scalars by value and type), so formatting and key order do not matter.
/// </summary>
public sealed class OpenApiContractTests(PerfEvalFactory factory) : IClassFixture<PerfEvalFactory>
{
    public const string Regenerate = "dotnet run --project src/PerfEval.Api -- openapi";

    [Fact]
    public void CommittedOpenApiYaml_EqualsTheServicesDocument()
    {
        var path = Path.Combine(RepositoryRoot(), "openapi.yaml");
        Assert.True(File.Exists(path), $"openapi.yaml is missing at the repository root. Generate it from the repository root with:\n  {Regenerate}");

        var committed = Parse(File.ReadAllText(path));
        var service = Parse(OpenApiCommand.RenderYaml(factory.Services));
        var differences = new List<string>();
        Compare(committed, service, "$", differences);

        Assert.True(
            differences.Count == 0,
            $"openapi.yaml differs from the service's OpenAPI document in {differences.Count} place(s):\n  "
            + string.Join("\n  ", differences.Take(15))
            + (differences.Count > 15 ? $"\n  … and {differences.Count - 15} more" : string.Empty)
            + $"\nIf the change is intended, regenerate it from the repository root and commit it:\n  {Regenerate}");
    }

    [Fact]
    public async Task SwaggerDocument_IsServedAsJsonAndYaml_WithTheApiKeyScheme()
    {
        using var client = factory.CreateClient(apiKey: null);

        var json = await client.GetAsync("/swagger/v1/swagger.json");
        var yaml = await client.GetAsync("/swagger/v1/swagger.yaml");
        var ui = await client.GetAsync("/swagger/index.html");

        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        Assert.Equal(HttpStatusCode.OK, yaml.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ui.StatusCode);
        var document = await json.JsonAsync();
        Assert.Equal("X-Api-Key", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey").GetProperty("name").GetString());
        var served = Parse(await yaml.Content.ReadAsStringAsync());
        var differences = new List<string>();
        Compare(served, Parse(OpenApiCommand.RenderYaml(factory.Services)), "$", differences);
        Assert.Empty(differences);
    }

    [Fact]
    public void EverySchemaAndField_SaysWhatItIs()
    {
        // The records' XML comments are the schemas' words: a record or field without one is a contract without words.
        var document = (YamlMappingNode)Parse(OpenApiCommand.RenderYaml(factory.Services));
        var schemas = (YamlMappingNode)((YamlMappingNode)document["components"])["schemas"];
        var silent = new List<string>();
        foreach (var (name, node) in schemas.Children.Select(c => (((YamlScalarNode)c.Key).Value!, (YamlMappingNode)c.Value)))
        {
            if (!Has(node, "description"))
            {
                silent.Add(name);
            }

            if (node.Children.TryGetValue(new YamlScalarNode("properties"), out var properties))
            {
                silent.AddRange(((YamlMappingNode)properties).Children
                    .Where(p => !Has((YamlMappingNode)p.Value, "description"))
                    .Select(p => $"{name}.{((YamlScalarNode)p.Key).Value}"));
            }
        }

        Assert.True(silent.Count == 0, "Schemas and fields without a description (add a /// comment to the record): " + string.Join(", ", silent));
    }

    private static bool Has(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode { Value.Length: > 0 };

    private static YamlNode Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents[0].RootNode;
    }

    private static void Compare(YamlNode expected, YamlNode actual, string path, List<string> differences)
    {
        switch (expected, actual)
        {
            case (YamlMappingNode committed, YamlMappingNode service):
                var committedKeys = committed.Children.ToDictionary(c => Key(c.Key), c => c.Value, StringComparer.Ordinal);
                var serviceKeys = service.Children.ToDictionary(c => Key(c.Key), c => c.Value, StringComparer.Ordinal);
                foreach (var key in committedKeys.Keys.Except(serviceKeys.Keys, StringComparer.Ordinal))
                {
                    differences.Add($"{path}.{key}: in openapi.yaml, no longer in the service");
                }

                foreach (var key in serviceKeys.Keys.Except(committedKeys.Keys, StringComparer.Ordinal))
                {
                    differences.Add($"{path}.{key}: in the service, missing from openapi.yaml");
                }

                foreach (var key in committedKeys.Keys.Intersect(serviceKeys.Keys, StringComparer.Ordinal))
                {
                    Compare(committedKeys[key], serviceKeys[key], $"{path}.{key}", differences);
                }

                break;
            case (YamlSequenceNode committed, YamlSequenceNode service):
                if (committed.Children.Count != service.Children.Count)
                {
                    differences.Add($"{path}: {committed.Children.Count} items in openapi.yaml, {service.Children.Count} in the service");
                }

                for (var i = 0; i < Math.Min(committed.Children.Count, service.Children.Count); i++)
                {
                    Compare(committed.Children[i], service.Children[i], $"{path}[{i}]", differences);
                }

                break;
            case (YamlScalarNode committed, YamlScalarNode service):
                if (Value(committed) != Value(service))
                {
                    differences.Add($"{path}: openapi.yaml has {Show(committed)}, the service {Show(service)}");
                }

                break;
            default:
                differences.Add($"{path}: openapi.yaml has a {expected.NodeType}, the service a {actual.NodeType}");
                break;
        }
    }

    private static string Key(YamlNode key) => key is YamlScalarNode scalar ? scalar.Value ?? string.Empty : key.ToString();

    /// <summary>A scalar's meaning: quoted scalars are strings; plain ones may be null, booleans or numbers.</summary>
    private static (string Kind, string Text) Value(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any))
        {
            return ("string", text);
        }

        return text switch
        {
            "" or "~" or "null" or "Null" or "NULL" => ("null", string.Empty),
            "true" or "True" or "TRUE" => ("bool", "true"),
            "false" or "False" or "FALSE" => ("bool", "false"),
            _ when decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => ("number", (number / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture)),
            _ => ("string", text),
        };
    }

    private static string Show(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        return $"'{(text.Length > 80 ? text[..80] + "…" : text)}'";
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PerfEval.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (PerfEval.sln) was not found above " + AppContext.BaseDirectory);
    }
}
