using System.Net.Sockets;
using Testcontainers.MsSql;

namespace PerfEval.FunctionalTests.SqlServer;

/// <summary>
/// Where the SQL Server functional run finds its server: the connection string in
/// <c>PERFEVAL_TEST_SQLSERVER</c> when given; otherwise SQL Server 2022 in a throwaway container
/// (Testcontainers) when a Docker engine answers; otherwise nowhere, and the run is reported skipped.
/// The engine is asked once, over its socket with a short timeout, so a docker client with nothing
/// behind it costs a moment, not a hang.
/// </summary>
public static class SqlServerTarget
{
    public const string Image = "mcr.microsoft.com/mssql/server:2022-latest";

    private static readonly Lazy<string?> Engine = new(FindDockerEngine);
    private static readonly SemaphoreSlim Starting = new(1, 1);
    private static MsSqlContainer? _container;

    /// <summary>Why there is no server, or null when there is one (given, or a Docker engine to start one on).</summary>
    public static string? Unavailable =>
        PerfEvalFactory.SqlServerConnectionString is not null || Engine.Value is not null
            ? null
            : $"SQL Server functional run skipped: {PerfEvalFactory.SqlServerVariable} is not set and no Docker engine answers (DOCKER_HOST or /var/run/docker.sock).";

    /// <summary>A server the run may create and drop databases on.</summary>
    public static async Task<string> ConnectionStringAsync()
    {
        if (PerfEvalFactory.SqlServerConnectionString is { } given)
        {
            return given;
        }

        await Starting.WaitAsync();
        try
        {
            if (_container is null)
            {
                var container = new MsSqlBuilder(Image).Build();
                await container.StartAsync();
                _container = container;
            }

            return _container.GetConnectionString();
        }
        finally
        {
            Starting.Release();
        }
    }

    /// <summary>The Docker engine's endpoint when it answers /_ping within two seconds; null otherwise.</summary>
    private static string? FindDockerEngine()
    {
        var host = Environment.GetEnvironmentVariable("DOCKER_HOST");
        if (host is { Length: > 0 } && !host.StartsWith("unix://", StringComparison.Ordinal))
        {
            return Ping(() => Uri.TryCreate(host.Replace("tcp://", "http://", StringComparison.Ordinal), UriKind.Absolute, out var uri)
                ? new DnsEndPoint(uri.Host, uri.Port)
                : null) ? host : null;
        }

        var socket = host is { Length: > 0 } ? host["unix://".Length..] : "/var/run/docker.sock";
        return File.Exists(socket) && Ping(() => new UnixDomainSocketEndPoint(socket)) ? socket : null;
    }

    private static bool Ping(Func<EndPoint?> endpoint)
    {
        try
        {
            if (endpoint() is not { } target)
            {
                return false;
            }

            using var client = new Socket(target.AddressFamily == AddressFamily.Unix ? AddressFamily.Unix : AddressFamily.InterNetwork, SocketType.Stream, target.AddressFamily == AddressFamily.Unix ? ProtocolType.Unspecified : ProtocolType.Tcp);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            client.ConnectAsync(target, timeout.Token).AsTask().GetAwaiter().GetResult();
            client.Send("GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n"u8);
            var buffer = new byte[256];
            var read = client.ReceiveAsync(buffer, SocketFlags.None, timeout.Token).AsTask().GetAwaiter().GetResult();
            return System.Text.Encoding.ASCII.GetString(buffer, 0, read).Contains(" 200 ", StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException or IOException)
        {
            return false;
        }
    }
}

/// <summary>A fact of the SQL Server functional run: reported skipped, with the reason, where no server can be had.</summary>
public sealed class SqlServerFactAttribute : FactAttribute
{
    public SqlServerFactAttribute() => Skip = SqlServerTarget.Unavailable;
}
