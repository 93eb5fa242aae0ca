using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace PerfEval.Api.OpenApi;

/// <summary>
/// The records' XML doc comments as contract text, including what Swashbuckle does not read: an
/// <c>&lt;inheritdoc cref="…"/&gt;</c> (a description said once, on the record that owns it) and an
/// enum member's summary (the meaning of each value).
/// </summary>
internal sealed partial class XmlDocs
{
    private readonly Dictionary<string, XElement> _members = new(StringComparer.Ordinal);

    public XmlDocs(IEnumerable<Assembly> assemblies)
    {
        foreach (var assembly in assemblies)
        {
            var path = Path.ChangeExtension(assembly.Location, ".xml");
            if (!File.Exists(path))
            {
                continue;
            }

            foreach (var member in XDocument.Load(path).Descendants("member"))
            {
                if (member.Attribute("name")?.Value is { } name)
                {
                    _members[name] = member;
                }
            }
        }
    }

    /// <summary>A property's text: its own summary, or its record parameter's; null when it has none.</summary>
    public string? Property(Type type, string name)
    {
        var declaring = type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance)?.DeclaringType ?? type;
        return Text(Element($"P:{Name(declaring)}.{name}") ?? Parameter(Name(declaring), name));
    }

    /// <summary>Whether the property's text is said elsewhere (Swashbuckle leaves such a description empty).</summary>
    public bool Inherits(Type type, string name)
    {
        var declaring = type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance)?.DeclaringType ?? type;
        return (Element($"P:{Name(declaring)}.{name}") ?? Parameter(Name(declaring), name))?.Descendants("inheritdoc").Any() == true;
    }

    /// <summary>An enum value's meaning.</summary>
    public string? EnumMember(Type type, string member) => Text(Element($"F:{Name(type)}.{member}"));

    private XElement? Element(string id) => _members.GetValueOrDefault(id)?.Element("summary");

    private XElement? Parameter(string typeName, string name) =>
        _members.GetValueOrDefault("T:" + typeName)?.Elements("param").FirstOrDefault(p => p.Attribute("name")?.Value == name);

    private static string Name(Type type) => (type.IsGenericType ? type.GetGenericTypeDefinition() : type).FullName!.Replace('+', '.');

    private string? Text(XElement? element)
    {
        if (element is null)
        {
            return null;
        }

        var text = new StringBuilder();
        Append(element, text, depth: 0);
        var result = Spaces().Replace(text.ToString(), " ").Trim();
        return result.Length == 0 ? null : result;
    }

    private void Append(XElement element, StringBuilder text, int depth)
    {
        foreach (var node in element.Nodes())
        {
            switch (node)
            {
                case XText plain:
                    text.Append(plain.Value);
                    break;
                case XElement { Name.LocalName: "inheritdoc" } inherit when depth < 8:
                    var cref = inherit.Attribute("cref")?.Value ?? string.Empty;
                    var target = Element(cref) ?? (cref.StartsWith("P:", StringComparison.Ordinal)
                        ? Parameter(cref[2..cref.LastIndexOf('.')], cref[(cref.LastIndexOf('.') + 1)..])
                        : null);
                    if (target is not null)
                    {
                        Append(target, text, depth + 1);
                    }

                    break;
                case XElement { Name.LocalName: "c" } code:
                    text.Append('`').Append(code.Value).Append('`');
                    break;
                case XElement { Name.LocalName: "see" } see:
                    var reference = see.Attribute("cref")?.Value ?? see.Attribute("langword")?.Value ?? string.Empty;
                    text.Append(reference[(reference.LastIndexOf('.') + 1)..]);
                    break;
                case XElement other:
                    Append(other, text, depth);
                    break;
            }
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
