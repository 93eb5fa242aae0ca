using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using PerfEval.FunctionalTests.Security;

namespace PerfEval.FunctionalTests.ReportImports;

/// <summary>A report upload takes its body limit from ReportImports:MaxBytes, not from Security:MaxRequestBodyBytes.</summary>
public sealed class ReportImportLimitTests(ReportImportLimitTests.SmallLimitsFactory factory) : IClassFixture<ReportImportLimitTests.SmallLimitsFactory>
{
    private const string Url = "/api/v1/report-imports";

    public sealed class SmallLimitsFactory : PerfEvalFactory
    {
        public const int MaxBytes = 4096;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ReportImports:MaxBytes", MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
            // Smaller than a report may be: the upload must not be held to it.
            builder.UseSetting("Security:MaxRequestBodyBytes", "1024");
        }
    }

    private readonly HttpClient _admin = factory.CreateClient();

    private static ByteArrayContent Text(int bytes)
    {
        var text = "部门单位整体支出绩效自评报告(2024年度)\n年初预算数 2373.35 万元,执行数 3661.55 万元。\n";
        var body = System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(text, bytes / text.Length + 1)))[..bytes];
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        return content;
    }

    private async Task<int> StoredCountAsync() =>
        (await (await _admin.GetAsync($"{Url}?limit=500")).JsonAsync()).GetProperty("items").GetArrayLength();

    [Theory]
    [InlineData(SmallLimitsFactory.MaxBytes + 1)]
    [InlineData(SmallLimitsFactory.MaxBytes * 40)]
    public async Task UploadReport_WhenFileLargerThanMaxBytes_Returns413AndStoresNothing(int bytes)
    {
        var before = await StoredCountAsync();

        var response = await _admin.PostAsync(Url, Text(bytes));

        await SecurityAssert.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(before, await StoredCountAsync());
    }

    [Fact]
    public async Task UploadReport_WhenLargerThanTheGeneralBodyLimitButWithinMaxBytes_IsRead()
    {
        var response = await _admin.PostAsync(Url, Text(SmallLimitsFactory.MaxBytes - 100));

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }
}
