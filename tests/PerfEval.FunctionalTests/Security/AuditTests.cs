namespace PerfEval.FunctionalTests.Security;

/// <summary>Every successful write leaves one audit event (who, which request, which command, what it sent); a refused write leaves none.</summary>
public sealed class AuditTests(SecurityFactory factory) : IClassFixture<SecurityFactory>
{
    private const string AuditUrl = "/api/v1/audit-events";

    private readonly HttpClient _admin = factory.CreateClient();
    private readonly HttpClient _writer = factory.CreateClient("test-writer-key");

    private Task<List<JsonElement>> EventsAsync(string query = "") => _admin.WalkPagesAsync(AuditUrl + query, limit: 500);

    [Fact]
    public async Task AuditLog_WhenWriterCreatesADepartment_RecordsClientRequestActionAndChanges()
    {
        var code = TestData.NewCode("AUD");
        var name = "审计测试单位-" + Guid.NewGuid().ToString("N")[..6];
        var department = TestData.Department(code, name: name);

        var response = await _writer.PostJsonAsync("/api/v1/departments", department);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var events = (await EventsAsync("?clientName=test-writer")).Where(e => e.GetProperty("entityKey").GetString() == code).ToList();
        var audit = Assert.Single(events);
        Assert.Equal("test-writer", audit.GetProperty("clientName").GetString());
        Assert.Equal("CreateDepartment", audit.GetProperty("action").GetString());
        Assert.False(string.IsNullOrWhiteSpace(audit.GetProperty("requestId").GetString()));
        Assert.True(audit.GetProperty("id").GetInt64() > 0);
        Assert.True(DateTimeOffset.UtcNow - audit.GetProperty("occurredAt").GetDateTimeOffset() < TimeSpan.FromMinutes(5));
        var changes = JsonDocument.Parse(audit.GetProperty("changes").GetString()!).RootElement;
        Assert.Equal(code, changes.GetProperty("code").GetString());
        Assert.Equal(name, changes.GetProperty("name").GetString());
        Assert.Equal("高新区（新市区）", changes.GetProperty("region").GetString());
        Assert.Equal(8, changes.GetProperty("staffing").GetProperty("actual").GetInt32());
    }

    [Fact]
    public async Task AuditLog_WhenWriterUpdatesALine_RecordsTheAmountsSentUnderTheLinesKey()
    {
        await _admin.CreateYearAsync(World.DefaultYear);
        var code = await _admin.CreateDepartmentAsync();
        var line = await _admin.CreateBudgetLineAsync(code, World.DefaultYear, "operating", "ownLevel", 100m, 0m);
        var id = line.GetProperty("id").GetInt64();

        var response = await _writer.PutJsonAsync($"{MoreTestData.LinesUrl(code, World.DefaultYear)}/{id}", MoreTestData.BudgetLine("operating", "superior", 123_456.78m, 9.01m));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var audit = Assert.Single(await EventsAsync("?clientName=test-writer&action=UpdateBudgetLine"), e => e.GetProperty("entityKey").GetString() == $"{code}/{id}");
        var changes = JsonDocument.Parse(audit.GetProperty("changes").GetString()!).RootElement;
        Assert.Equal(123_456.78m, changes.GetProperty("initialAmount").GetDecimal());
        Assert.Equal(9.01m, changes.GetProperty("executedAmount").GetDecimal());
        Assert.Equal("superior", changes.GetProperty("fundingSource").GetString());
    }

    [Fact]
    public async Task AuditLog_WhenSeveralWritesSucceed_GivesEachItsOwnRequestId()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await _writer.PostJsonAsync("/api/v1/departments", TestData.Department(TestData.NewCode("RID")))).StatusCode);
        }

        var ids = (await EventsAsync("?clientName=test-writer&action=CreateDepartment")).Select(e => e.GetProperty("requestId").GetString()).ToList();

        Assert.True(ids.Count >= 3);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task AuditLog_WhenPusherPushesAdjustments_RecordsWhatThePushRecordedInTheLedger()
    {
        var world = await World.CreateAsync(_admin);

        var response = await World.PushAsync(factory.CreateClient("test-pusher-key"), world.Push(amount: 4_321.09m));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var pushed = (await response.JsonAsync()).GetProperty("adjustments")[0];
        var audit = Assert.Single(await EventsAsync("?clientName=test-pusher&action=PushBudgetAdjustments"));
        var changes = JsonDocument.Parse(audit.GetProperty("changes").GetString()!).RootElement;
        Assert.Equal(1, changes.GetProperty("adjustments").GetInt32());
        Assert.Equal(4_321.09m, changes.GetProperty("netAmount").GetDecimal());
        Assert.Equal(pushed.GetProperty("id").GetInt64(), changes.GetProperty("firstId").GetInt64());
        Assert.Equal(pushed.GetProperty("id").GetInt64(), changes.GetProperty("lastId").GetInt64());
        Assert.Equal([world.LineId], changes.GetProperty("lines").EnumerateArray().Select(l => l.GetInt64()));
        Assert.Equal(pushed.GetProperty("createdAt").GetDateTimeOffset(), changes.GetProperty("recordedAt").GetDateTimeOffset());
    }

    [Theory]
    [InlineData("test-reader-key")]
    [InlineData("test-writer-key")]
    [InlineData("test-pusher-key")]
    [InlineData("test-regional-key")]
    public async Task ListAuditEvents_WhenClientIsNotAdmin_Returns403ProblemDetails(string key)
    {
        var response = await factory.CreateClient(key).GetAsync(AuditUrl);

        await SecurityAssert.ProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ListAuditEvents_WhenAnonymous_Returns401ProblemDetails()
    {
        await SecurityAssert.ProblemAsync(await factory.CreateClient(apiKey: null).GetAsync(AuditUrl), HttpStatusCode.Unauthorized);
    }

    public static TheoryData<string> FailedWrites => new()
    {
        "400 validation",
        "400 malformed JSON",
        "409 duplicate department",
        "409 closed year",
        "404 out-of-region write",
        "404 unknown line",
        "422 unknown parent",
        "422 push naming an unknown line",
        "422 push outside the region",
    };

    [Theory]
    [MemberData(nameof(FailedWrites))]
    public async Task AuditLog_WhenAWriteFails_RecordsNothing(string why)
    {
        var world = await World.CreateAsync(_admin, year: why == "409 closed year" ? 2032 : World.DefaultYear);
        var regional = factory.CreateClient("test-regional-key");
        if (why == "409 closed year")
        {
            await _admin.MoveYearAsync(world.Year, "closed");
        }

        var before = (await EventsAsync()).Count;
        var response = why switch
        {
            "400 validation" => await _writer.PostJsonAsync("/api/v1/departments", TestData.Department("bad code with spaces")),
            "400 malformed JSON" => await _writer.PostAsync("/api/v1/departments", SecurityAssert.Text("{\"code\":")),
            "409 duplicate department" => await _writer.PostJsonAsync("/api/v1/departments", TestData.Department(world.Code, name: "重复")),
            "409 closed year" => await _writer.PostJsonAsync(MoreTestData.LinesUrl(world.Code, world.Year), MoreTestData.BudgetLine("operating", "superior", 1m, 0m)),
            "404 out-of-region write" => await regional.PutJsonAsync(world.ProjectUrl, MoreTestData.Project(name: "越权")),
            "404 unknown line" => await _writer.PutJsonAsync($"{MoreTestData.LinesUrl(world.Code, world.Year)}/987654321", MoreTestData.BudgetLine("operating", "ownLevel", 1m, 0m)),
            "422 unknown parent" => await _writer.PostJsonAsync("/api/v1/departments", new
            {
                code = TestData.NewCode("ORPHAN"),
                name = "孤儿单位",
                region = "高新区（新市区）",
                parentCode = "NO-SUCH-PARENT",
            }),
            "422 push naming an unknown line" => await World.PushAsync(factory.CreateClient("test-pusher-key"), world.Push(lineId: 987_654_321)),
            "422 push outside the region" => await World.PushAsync(regional, world.Push()),
            _ => throw new ArgumentOutOfRangeException(nameof(why)),
        };

        var problem = await SecurityAssert.ClientErrorAsync(response, why);
        Assert.StartsWith(why[..3], ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var events = await EventsAsync();
        Assert.True(before == events.Count, $"{why}: {events.Count - before} audit event(s) added: {string.Join("\n", events.Take(events.Count - before))}");
        var traceId = problem.GetProperty("traceId").GetString();
        Assert.False(string.IsNullOrEmpty(traceId));
        Assert.DoesNotContain(events, e => e.GetProperty("requestId").GetString() == traceId);
    }
}
