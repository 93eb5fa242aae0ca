namespace PerfEval.Api.Security;

/// <summary>The <c>Security</c> configuration section.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>System clients, each identified by the SHA-256 of its key (never the key itself).</summary>
    public List<ApiKeyClient> ApiKeys { get; set; } = [];

    /// <summary>Optional: bearer tokens from the organisation's identity provider.</summary>
    public JwtSettings Jwt { get; set; } = new();

    /// <summary>Requests per client per window before 429.</summary>
    public int RequestsPerMinute { get; set; } = 600;

    /// <summary>Request body limit in bytes (the batch adjustment push has its own, larger one).</summary>
    public long MaxRequestBodyBytes { get; set; } = 1_048_576;

    /// <summary>Request body limit in bytes for the batch adjustment push (10,000 items).</summary>
    public long MaxBatchBodyBytes { get; set; } = 8 * 1_048_576;
}

public sealed class ApiKeyClient
{
    /// <summary>The client's name, as the audit log records it.</summary>
    public string Client { get; set; } = "";

    /// <summary>Lower-case hex SHA-256 of the key's UTF-8 bytes: <c>printf %s "$KEY" | sha256sum</c>.</summary>
    public string KeySha256 { get; set; } = "";

    /// <summary>perf.read, adjustments.write, data.write, admin.</summary>
    public List<string> Scopes { get; set; } = [];

    /// <summary>Optional: the regions this client may see (others are 404 on read, 403 on write).</summary>
    public List<string> Regions { get; set; } = [];

    /// <summary>Optional: the department codes this client may see.</summary>
    public List<string> Departments { get; set; } = [];

    /// <summary>A documented demo key: refused in Production.</summary>
    public bool Demo { get; set; }
}

public sealed class JwtSettings
{
    /// <summary>The identity provider (issuer); empty turns bearer tokens off.</summary>
    public string? Authority { get; set; }

    public string? Audience { get; set; }

    /// <summary>Claims whose values name scopes (space-separated in <c>scope</c>, one per <c>roles</c> claim).</summary>
    public List<string> ScopeClaims { get; set; } = ["scope", "scp", "roles"];

    /// <summary>Claims that may carry region and department limits, as for API keys.</summary>
    public string RegionClaim { get; set; } = "perfeval_regions";

    public string DepartmentClaim { get; set; } = "perfeval_departments";

    public bool RequireHttpsMetadata { get; set; } = true;
}
