namespace PerfEval.FunctionalTests.Security;

/// <summary>
/// Five requests per client per minute. Each test uses clients (partitions) of its own, since the
/// window outlives a test: the reader and writer, the pusher, the unauthenticated caller.
/// </summary>
public sealed class RateLimitTests(RateLimitedFactory factory) : IClassFixture<RateLimitedFactory>
{
    private const string Url = "/api/v1/departments";

    [Fact]
    public async Task Request_WhenClientExceedsLimit_Returns429WithRetryAfterAndOtherClientsAreUnaffected()
    {
        var reader = factory.CreateClient("test-reader-key");
        var writer = factory.CreateClient("test-writer-key");

        for (var i = 0; i < RateLimitedFactory.Limit; i++)
        {
            var allowed = await reader.GetAsync(Url);
            Assert.True(allowed.StatusCode == HttpStatusCode.OK, $"Request {i + 1} of {RateLimitedFactory.Limit}: {(int)allowed.StatusCode}");
        }

        var limited = await reader.GetAsync(Url);
        var limitedWrite = await reader.PostJsonAsync(Url, TestData.Department(TestData.NewCode("RL")));
        var other = await writer.GetAsync(Url);

        await SecurityAssert.ProblemAsync(limited, HttpStatusCode.TooManyRequests);
        var retryAfter = limited.Headers.RetryAfter;
        Assert.NotNull(retryAfter);
        Assert.NotNull(retryAfter.Delta);
        Assert.InRange(retryAfter.Delta.Value.TotalSeconds, 1, 60);
        SecurityAssert.Hardened(limited, Url);
        await SecurityAssert.ProblemAsync(limitedWrite, HttpStatusCode.TooManyRequests);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task HealthLive_WhenClientIsRateLimited_StillAnswers()
    {
        var pusher = factory.CreateClient("test-pusher-key");
        for (var i = 0; i <= RateLimitedFactory.Limit; i++)
        {
            await pusher.GetAsync(Url);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await pusher.GetAsync(Url)).StatusCode);
        for (var i = 0; i < 3 * RateLimitedFactory.Limit; i++)
        {
            var health = await pusher.GetAsync("/health/live");
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }
    }

    [Fact]
    public async Task Request_WhenUnauthenticatedCallerGuessesKeys_IsRateLimitedToo()
    {
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i <= RateLimitedFactory.Limit; i++)
        {
            last = await factory.CreateClient($"guess-{i}").GetAsync(Url);
            statuses.Add(last.StatusCode);
        }

        Assert.All(statuses.Take(RateLimitedFactory.Limit), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        await SecurityAssert.ProblemAsync(last!, HttpStatusCode.TooManyRequests);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient("test-admin-key").GetAsync(Url)).StatusCode);
    }
}
