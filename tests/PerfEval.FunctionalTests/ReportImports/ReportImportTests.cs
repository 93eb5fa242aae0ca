using System.IO.Compression;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using PerfEval.Application.ReportImports;
using PerfEval.FunctionalTests.Security;
using PerfEval.UnitTests.ReportImports;

namespace PerfEval.FunctionalTests.ReportImports;

/// <summary>
/// Reports in: a report uploaded as text, Word or multipart is read into a draft, stored and read back;
/// a refused file is a 4xx problem and stores nothing; a limited client sees only its departments'
/// drafts and its own unmatched ones.
/// </summary>
public sealed class ReportImportTests(PerfEvalFactory factory) : IClassFixture<PerfEvalFactory>
{
    private const string Url = "/api/v1/report-imports";

    /// <summary>Seed 000's department, inside the limited client's region; seed 001's, outside; seed 002's exists nowhere.</summary>
    private const string InsideCode = "RI-GYYQ";
    private const string OutsideCode = "RI-SWJ";
    private const string OtherRegion = "报告导入测试区";

    private readonly HttpClient _admin = factory.CreateClient();
    private readonly HttpClient _regional = factory.CreateClient("test-regional-key");

    private async Task EnsureDepartmentsAsync()
    {
        foreach (var (code, name, region) in new[]
        {
            (InsideCode, "乌鲁木齐高新技术产业开发区(乌鲁木齐市新市区)工业园区管理办公室", PerfEvalFactory.RestrictedRegion),
            (OutsideCode, "乌鲁木齐高新技术产业开发区(乌鲁木齐市新市区)商务局", OtherRegion),
        })
        {
            var created = await _admin.PostJsonAsync("/api/v1/departments", TestData.Department(code, name, region));
            Assert.True(created.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"department {code}: {created.StatusCode}");
        }
    }

    private static ByteArrayContent File(byte[] bytes, string mediaType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return content;
    }

    private static ByteArrayContent Text(string seed) => File(ReportFixtures.SeedBytes(seed + ".txt"), "text/plain");

    private async Task<JsonElement> CreatedAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {body}");
        var created = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal($"{Url}/{created.GetProperty("id").GetInt64()}", response.Headers.Location?.OriginalString);
        return created;
    }

    private async Task<int> StoredCountAsync() =>
        (await (await _admin.GetAsync($"{Url}?limit=500")).JsonAsync()).GetProperty("items").GetArrayLength();

    public static TheoryData<string, string?> Seeds => new()
    {
        { "seed-000", InsideCode },
        { "seed-001", OutsideCode },
        { "seed-002", null },
    };

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task UploadReport_WhenSeedSentAsText_Returns201AndReadsBackTheDraft(string seed, string? departmentCode)
    {
        await EnsureDepartmentsAsync();

        var created = await CreatedAsync(await _admin.PostAsync(Url, Text(seed)));
        var fetched = await (await _admin.GetAsync($"{Url}/{created.GetProperty("id").GetInt64()}")).JsonAsync();

        Assert.Equal("draft", fetched.GetProperty("status").GetString());
        Assert.Equal(departmentCode, fetched.GetProperty("departmentCode").GetString());
        Assert.Equal(2024, fetched.GetProperty("fiscalYear").GetInt32());
        Assert.Equal("text/plain", fetched.GetProperty("mediaType").GetString());
        Assert.Equal(ReportFixtures.SeedBytes(seed + ".txt").Length, fetched.GetProperty("fileSize").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(ReportFixtures.SeedBytes(seed + ".txt"))), fetched.GetProperty("fileSha256").GetString());
        Assert.Equal("test-admin", fetched.GetProperty("clientName").GetString());
        var draft = fetched.GetProperty("draft");
        Assert.Equal("text", draft.GetProperty("source").GetString());
        Assert.Equal("read", draft.GetProperty("fiscalYear").GetProperty("status").GetString());
        Assert.Equal(created.GetProperty("draft").GetRawText(), draft.GetRawText());
        var stored = ReportDraftJson.Deserialize(draft.GetRawText());
        var expected = ReportReader.Read(factory.Services.GetRequiredService<IReportFileReader>().Read(ReportFixtures.SeedBytes(seed + ".txt"), "text/plain"));
        Assert.Equal(ReportDraftJson.Serialize(expected), ReportDraftJson.Serialize(stored));
    }

    [Fact]
    public async Task UploadReport_Seed000_ReadsBackItsFigures()
    {
        var created = await CreatedAsync(await _admin.PostAsync(Url, Text("seed-000")));

        var draft = (await (await _admin.GetAsync(created.GetProperty("id").GetInt64() is var id ? $"{Url}/{id}" : "")).JsonAsync()).GetProperty("draft");

        Assert.Equal(23_733_500.00m, draft.GetProperty("budget").GetProperty("initial").GetProperty("value").GetDecimal());
        Assert.Equal("read", draft.GetProperty("budget").GetProperty("initial").GetProperty("status").GetString());
        Assert.Equal(99.48m, draft.GetProperty("declared").GetProperty("compositeScore").GetProperty("value").GetDecimal());
        Assert.Equal("excellent", draft.GetProperty("declared").GetProperty("grade").GetProperty("value").GetString());
        var evidence = draft.GetProperty("budget").GetProperty("initial").GetProperty("readings")[0].GetProperty("evidence");
        var text = draft.GetProperty("text").GetString()!;
        Assert.Equal(evidence.GetProperty("text").GetString(), text.Substring(evidence.GetProperty("start").GetInt32(), evidence.GetProperty("length").GetInt32()));
    }

    [Fact]
    public async Task UploadReport_WhenWordSentAsMultipart_Returns201WithTheFileName()
    {
        using var form = new MultipartFormDataContent();
        form.Add(File(ReportFixtures.SeedDocx("seed-000"), ReportContentTypes.Docx), "file", "自评报告.docx");

        var created = await CreatedAsync(await _admin.PostAsync(Url, form));

        Assert.Equal("自评报告.docx", created.GetProperty("fileName").GetString());
        Assert.Equal(ReportContentTypes.Docx, created.GetProperty("mediaType").GetString());
        Assert.Equal("docx", created.GetProperty("draft").GetProperty("source").GetString());
        Assert.Equal(23_733_500.00m, created.GetProperty("draft").GetProperty("budget").GetProperty("initial").GetProperty("value").GetDecimal());
    }

    [Fact]
    public async Task UploadReport_WhenPdfSent_Returns201WithItsFigures()
    {
        var created = await CreatedAsync(await _admin.PostAsync(Url, File(ReportFixtures.SeedBytes("seed-000.pdf"), ReportContentTypes.Pdf)));

        Assert.Equal("pdf", created.GetProperty("draft").GetProperty("source").GetString());
        Assert.Equal(23_733_500.00m, created.GetProperty("draft").GetProperty("budget").GetProperty("initial").GetProperty("value").GetDecimal());
    }

    [Fact]
    public async Task UploadReport_WhenWordSentAsRawBody_Returns201()
    {
        var content = File(ReportFixtures.SeedDocx("seed-001"), ReportContentTypes.Docx);
        content.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = "swj-2024.docx" };

        var created = await CreatedAsync(await _admin.PostAsync(Url, content));

        Assert.Equal("swj-2024.docx", created.GetProperty("fileName").GetString());
        Assert.Equal(2024, created.GetProperty("fiscalYear").GetInt32());
    }

    public static TheoryData<string, HttpStatusCode> Refused => new()
    {
        { "png", HttpStatusCode.UnsupportedMediaType },
        { "zip-as-docx", HttpStatusCode.UnprocessableEntity },
        { "no-report", HttpStatusCode.UnprocessableEntity },
        { "gbk-text", HttpStatusCode.UnprocessableEntity },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task UploadReport_WhenFileRefused_Returns4xxProblemAndStoresNothing(string kind, HttpStatusCode status)
    {
        var before = await StoredCountAsync();
        var content = kind switch
        {
            "png" => File([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D], "image/png"),
            "zip-as-docx" => File(Zip(), ReportContentTypes.Docx),
            "no-report" => File("你好，这不是报告。"u8.ToArray(), "text/plain"),
            "gbk-text" => File([0xC4, 0xE3, 0xBA, 0xC3, 0xA3, 0xAC, 0xCA, 0xC0, 0xBD, 0xE7], "text/plain"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        var response = await _admin.PostAsync(Url, content);

        var problem = await SecurityAssert.ProblemAsync(response, status, kind);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
        Assert.Equal(before, await StoredCountAsync());
    }

    [Fact]
    public async Task UploadReport_WhenRefusedAndEnglishWanted_AnswersInEnglish()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Url) { Content = File([1, 2, 3], "image/png") };
        request.Headers.AcceptLanguage.ParseAdd("en");

        var problem = await SecurityAssert.ProblemAsync(await _admin.SendAsync(request), HttpStatusCode.UnsupportedMediaType);

        Assert.StartsWith("Send the report as UTF-8 text", problem.GetProperty("detail").GetString());
    }

    private static byte[] Zip()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = new StreamWriter(zip.CreateEntry("readme.txt").Open());
            entry.Write("not a Word document");
        }

        return stream.ToArray();
    }

    [Fact]
    public async Task UploadReport_WithoutDataWrite_Returns403AndStoresNothing()
    {
        var before = await StoredCountAsync();

        var response = await factory.CreateClient("test-reader-key").PostAsync(Url, Text("seed-000"));

        await SecurityAssert.ProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal(before, await StoredCountAsync());
    }

    [Fact]
    public async Task GetReportImport_WhenLimitedClientAndDraftOutsideItsRegion_Returns404()
    {
        await EnsureDepartmentsAsync();
        var outside = await CreatedAsync(await _admin.PostAsync(Url, Text("seed-001")));
        var inside = await CreatedAsync(await _admin.PostAsync(Url, Text("seed-000")));
        Assert.Equal(OutsideCode, outside.GetProperty("departmentCode").GetString());

        var response = await _regional.GetAsync($"{Url}/{outside.GetProperty("id").GetInt64()}");

        var problem = await SecurityAssert.ProblemAsync(response, HttpStatusCode.NotFound);
        var missing = await SecurityAssert.ProblemAsync(await _regional.GetAsync($"{Url}/999999"), HttpStatusCode.NotFound);
        Assert.Equal(missing.GetProperty("title").GetString(), problem.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.OK, (await _regional.GetAsync($"{Url}/{inside.GetProperty("id").GetInt64()}")).StatusCode);
        var listed = (await (await _regional.GetAsync($"{Url}?limit=500")).JsonAsync()).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToList();
        Assert.Contains(inside.GetProperty("id").GetInt64(), listed);
        Assert.DoesNotContain(outside.GetProperty("id").GetInt64(), listed);
    }

    [Fact]
    public async Task GetReportImport_WhenDraftMatchedNoDepartment_OnlyItsUploaderAmongLimitedClientsSeesIt()
    {
        var byAdmin = await CreatedAsync(await _admin.PostAsync(Url, Text("seed-002")));
        var byRegional = await CreatedAsync(await _regional.PostAsync(Url, Text("seed-002")));
        Assert.Equal(JsonValueKind.Null, byRegional.GetProperty("departmentCode").ValueKind);

        await SecurityAssert.ProblemAsync(await _regional.GetAsync($"{Url}/{byAdmin.GetProperty("id").GetInt64()}"), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await _regional.GetAsync($"{Url}/{byRegional.GetProperty("id").GetInt64()}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _admin.GetAsync($"{Url}/{byRegional.GetProperty("id").GetInt64()}")).StatusCode);
    }

    [Fact]
    public async Task UploadReport_WhenLimitedClientsReportNamesADepartmentOutside_LeavesItUnmatched()
    {
        await EnsureDepartmentsAsync();

        var created = await CreatedAsync(await _regional.PostAsync(Url, Text("seed-001")));

        Assert.Equal(JsonValueKind.Null, created.GetProperty("departmentCode").ValueKind);
        Assert.Equal(HttpStatusCode.OK, (await _regional.GetAsync($"{Url}/{created.GetProperty("id").GetInt64()}")).StatusCode);
    }

    [Fact]
    public async Task ListReportImports_PagesNewestFirst()
    {
        var first = await CreatedAsync(await _admin.PostAsync(Url, Text("seed-002")));
        var second = await CreatedAsync(await _admin.PostAsync(Url, Text("seed-002")));

        var page = await (await _admin.GetAsync($"{Url}?limit=1")).JsonAsync();
        var next = await (await _admin.GetAsync($"{Url}?limit=1&cursor={page.GetProperty("nextCursor").GetString()}")).JsonAsync();

        Assert.Equal(second.GetProperty("id").GetInt64(), page.GetProperty("items")[0].GetProperty("id").GetInt64());
        Assert.Equal(first.GetProperty("id").GetInt64(), next.GetProperty("items")[0].GetProperty("id").GetInt64());
        Assert.False(page.GetProperty("items")[0].TryGetProperty("draft", out _));
    }
}
