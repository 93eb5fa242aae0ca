namespace PerfEval.FunctionalTests.Departments;

public sealed class DepartmentTests(PerfEvalFactory factory) : IClassFixture<PerfEvalFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task CreateDepartment_ThenGet_RoundTripsEveryFieldAndChineseText()
    {
        var code = TestData.NewCode();
        var created = await _client.PostJsonAsync("/api/v1/departments", TestData.Department(code, name: "乌鲁木齐高新技术产业开发区（新市区）工业园区管理办公室"));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/v1/departments/{code}", created.Headers.Location?.OriginalString);
        var raw = await created.Content.ReadAsStringAsync();
        Assert.Contains("乌鲁木齐高新技术产业开发区（新市区）工业园区管理办公室", raw);
        Assert.DoesNotContain("\\u", raw);

        var fetched = await (await _client.GetAsync($"/api/v1/departments/{code}")).JsonAsync();
        Assert.Equal("乌鲁木齐高新技术产业开发区（新市区）工业园区管理办公室", fetched.GetProperty("name").GetString());
        Assert.Equal("高新区（新市区）", fetched.GetProperty("region").GetString());
        Assert.Equal(5, fetched.GetProperty("staffing").GetProperty("administrative").GetInt32());
        Assert.Equal(8, fetched.GetProperty("staffing").GetProperty("actual").GetInt32());
        Assert.Equal(["综合科", "业务科"], fetched.GetProperty("divisions").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(1, fetched.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task CreateDepartment_WhenCodeTaken_Returns409()
    {
        var code = await _client.CreateDepartmentAsync();

        var again = await _client.PostJsonAsync("/api/v1/departments", TestData.Department(code));

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task CreateDepartment_WhenInvalid_Returns400WithEveryFieldError()
    {
        var response = await _client.PostJsonAsync("/api/v1/departments", new
        {
            code = "不是ASCII",
            name = "",
            region = "",
            parentCode = (string?)null,
            unitType = (string?)null,
            level = (string?)null,
            functions = (string?)null,
            staffing = new { administrative = -1, institutional = 0, logistics = 0, actual = 0 },
            divisions = Array.Empty<string>(),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("code", out _));
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.True(errors.TryGetProperty("region", out _));
        Assert.True(errors.TryGetProperty("staffing.administrative", out _));
    }

    [Fact]
    public async Task UpdateDepartment_ReplacesFieldsAndBumpsVersion()
    {
        var code = await _client.CreateDepartmentAsync();

        var response = await _client.PutJsonAsync($"/api/v1/departments/{code}", new
        {
            name = "商务局",
            region = "经开区（头屯河区）",
            parentCode = (string?)null,
            unitType = "行政单位",
            level = "副县级",
            functions = "负责商务工作。",
            staffing = new { administrative = 10, institutional = 0, logistics = 2, actual = 11 },
            divisions = new[] { "办公室" },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var updated = await response.JsonAsync();
        Assert.Equal("商务局", updated.GetProperty("name").GetString());
        Assert.Equal("经开区（头屯河区）", updated.GetProperty("region").GetString());
        Assert.Equal(2, updated.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task GetDepartment_WhenMissing_Returns404ProblemDetails()
    {
        var response = await _client.GetAsync("/api/v1/departments/NOPE-404");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ListDepartments_PagesByCursorAndFiltersByRegion()
    {
        var region = "测试区-" + Guid.NewGuid().ToString("N")[..6];
        var codes = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var code = TestData.NewCode("L");
            codes.Add(code);
            Assert.Equal(HttpStatusCode.Created, (await _client.PostJsonAsync("/api/v1/departments", TestData.Department(code, region: region))).StatusCode);
        }

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await (await _client.GetAsync($"/api/v1/departments?region={Uri.EscapeDataString(region)}&limit=2" + (cursor is null ? "" : $"&cursor={cursor}"))).JsonAsync();
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("code").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        Assert.Equal(codes.Order(StringComparer.Ordinal), seen);
    }
}
