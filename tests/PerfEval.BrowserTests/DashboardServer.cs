using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace PerfEval.BrowserTests;

/// <summary>
/// The built service as a child process on Kestrel (<c>dotnet PerfEval.Api.dll --urls …</c>) on a
/// loopback port of its own, in Development (the documented demo keys) with the demo data loaded
/// into a fresh SQLite folder: what a newcomer gets from <c>dotnet run</c>.
/// </summary>
public sealed class DashboardServer : IDisposable
{
    private readonly Process _process;
    private readonly string _dataFolder;
    private readonly Queue<string> _tail = new();
    private readonly List<string> _console = [];

    private DashboardServer(Process process, Uri baseAddress, string dataFolder)
    {
        _process = process;
        BaseAddress = baseAddress;
        _dataFolder = dataFolder;
    }

    public Uri BaseAddress { get; }

    /// <summary>The last lines the service wrote, for a failure message.</summary>
    public string Tail
    {
        get
        {
            lock (_tail)
            {
                return string.Join('\n', _tail);
            }
        }
    }

    /// <summary>Every console line up to the first 500: the start-up as a person running the service reads it.</summary>
    public IReadOnlyList<string> Console
    {
        get
        {
            lock (_tail)
            {
                return [.. _console];
            }
        }
    }

    /// <summary>Starts the service and waits until /health/ready answers 200.</summary>
    public static async Task<DashboardServer> StartAsync(TimeSpan timeout)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "PerfEval.Api.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"PerfEval.Api.dll is not beside the tests ({AppContext.BaseDirectory}); the project reference should copy it.");
        }

        var port = FreePort();
        var dataFolder = Directory.CreateTempSubdirectory("perfeval-browser-").FullName;
        var dotnet = Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet";
        var info = new ProcessStartInfo(dotnet)
        {
            // The content root: wwwroot and appsettings are copied beside the assembly.
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { dll, "--urls", $"http://127.0.0.1:{port}", $"--Database:DataFolder={dataFolder}" })
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["DOTNET_ENVIRONMENT"] = "Development";
        info.Environment["Demo__Enabled"] = "true";
        info.Environment["Security__RequestsPerMinute"] = "1000000";
        info.Environment.Remove("ASPNETCORE_URLS");
        info.Environment.Remove("ASPNETCORE_HOSTINGSTARTUPASSEMBLIES");

        var process = Process.Start(info) ?? throw new InvalidOperationException("The service did not start.");
        var server = new DashboardServer(process, new Uri($"http://127.0.0.1:{port}/"), dataFolder);
        process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WaitReadyAsync(timeout);
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already reaped.
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held; the temporary folder is the system's to clean.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitReadyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The service exited with {_process.ExitCode} before it was ready:\n{Tail}");
            }

            try
            {
                if ((await client.GetAsync(new Uri("health/ready", UriKind.Relative))).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Starting slowly.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The service was not ready after {timeout.TotalSeconds} s:\n{Tail}");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_tail)
        {
            if (_console.Count < 500)
            {
                _console.Add(line);
            }

            _tail.Enqueue(line);
            while (_tail.Count > 60)
            {
                _tail.Dequeue();
            }
        }
    }
}
