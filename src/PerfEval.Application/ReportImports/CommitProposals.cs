using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace PerfEval.Application.ReportImports;

/// <summary>
/// What a new department needs and reports do not print: its code and its region. Both are proposed
/// from the printed name by a stated rule (status inferred), never presented as read; without a name
/// they are missing. A department matched by name keeps its own code and region.
/// </summary>
internal static partial class CommitProposals
{
    public const string CodeRule = "proposed code: R and the first 10 hex digits of the SHA-256 of the department's name (UTF-8); confirm or correct";

    public const string RegionRule = "proposed region: the area printed at the start of the department's name, up to its closing parenthesis";

    public static DraftText DepartmentCode(DraftText department) =>
        department is { Status: FieldStatus.Read, Value: { } name }
            ? new DraftText(FieldStatus.Inferred, "R" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(name.Trim())))[..10], [], CodeRule)
            : DraftText.Missing;

    /// <summary>"乌鲁木齐高新技术产业开发区(乌鲁木齐市新市区)商务局" → "乌鲁木齐高新技术产业开发区(乌鲁木齐市新市区)".</summary>
    public static DraftText Region(DraftText department)
    {
        if (department is not { Status: FieldStatus.Read, Value: { } name } || LeadingArea().Match(name) is not { Success: true } area
            || area.Length >= name.Trim().Length)
        {
            return DraftText.Missing;
        }

        var readings = department.Readings
            .Select(r => new FieldReading<string>(area.Value, r.Evidence))
            .ToList();
        return new DraftText(FieldStatus.Inferred, area.Value, readings, RegionRule);
    }

    [GeneratedRegex(@"^\s*[^()（）]+?(?:区|县|市|旗|州)\s*[(（][^()（）]+[)）]")]
    private static partial Regex LeadingArea();
}
