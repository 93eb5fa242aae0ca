using System.Diagnostics;
using System.Net.Sockets;

namespace PerfEval.FunctionalTests.Adjustments;

/// <summary>
/// The built service as a child process on Kestrel (<c>dotnet PerfEval.Api.dll --urls …</c>), on a
/// SQLite folder of the test's, so a test can kill it with SIGKILL and start it again on the same data.
/// </summary>
public sealed class ServiceProcess : IDisposable
{
    /// <summary>Development, so the documented demo keys work.</summary>
    public const string AdminKey = "demo-admin-key";
    public const string PusherKey = "demo-pusher-key";

    private readonly Process _process;
    private readonly Queue<string> _tail = new();

    private ServiceProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the process wrote, for a failure message.</summary>
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

    /// <summary>Where the service was built: beside the tests (the project reference copies it), else under src/.</summary>
    public static string FindApiDll()
    {
        var candidates = new List<string> { Path.Combine(AppContext.BaseDirectory, "PerfEval.Api.dll") };
        var root = AppContext.BaseDirectory;
        for (var dir = new DirectoryInfo(root); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PerfEval.sln")))
            {
                candidates.Add(Path.Combine(dir.FullName, "src", "PerfEval.Api", "bin", "Debug", "net10.0", "PerfEval.Api.dll"));
                candidates.Add(Path.Combine(dir.FullName, "src", "PerfEval.Api", "bin", "Release", "net10.0", "PerfEval.Api.dll"));
                break;
            }
        }

        return candidates.FirstOrDefault(c => File.Exists(c) && File.Exists(Path.ChangeExtension(c, ".runtimeconfig.json")))
            ?? throw new FileNotFoundException($"PerfEval.Api.dll was not found in: {string.Join(", ", candidates)}");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts the service and waits until /health/ready answers 200.</summary>
    public static async Task<ServiceProcess> StartAsync(string dataFolder, IReadOnlyDictionary<string, string>? settings = null, TimeSpan? timeout = null)
    {
        var dll = FindApiDll();
        var port = FreePort();
        var dotnet = Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet";
        var info = new ProcessStartInfo(dotnet)
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
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
        info.Environment["Demo__Enabled"] = "false";
        info.Environment["Security__RequestsPerMinute"] = "1000000";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment.Remove("ASPNETCORE_URLS");
        info.Environment.Remove("ASPNETCORE_HOSTINGSTARTUPASSEMBLIES");
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("The service did not start.");
        var service = new ServiceProcess(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => service.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => service.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await service.WaitReadyAsync(timeout ?? TimeSpan.FromSeconds(30));
            return service;
        }
        catch
        {
            service.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Starts the service on <paramref name="dataFolder"/> (with a command such as <c>migrate</c> and its
    /// options in <paramref name="arguments"/>) and waits for it to exit by itself: its exit code and everything it wrote.
    /// </summary>
    public static Task<(int ExitCode, string Output)> RunUntilExitAsync(string dataFolder, TimeSpan timeout, IReadOnlyList<string>? arguments = null) =>
        RunDllUntilExitAsync(FindApiDll(), [.. arguments ?? [], "--urls", $"http://127.0.0.1:{FreePort()}", $"--Database:DataFolder={dataFolder}"], timeout);

    /// <summary>Runs a built program (<c>dotnet</c> <paramref name="dll"/> <paramref name="arguments"/>) in Development until it exits by itself: its exit code and everything it wrote.</summary>
    public static async Task<(int ExitCode, string Output)> RunDllUntilExitAsync(string dll, IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        var dotnet = Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet";
        var info = new ProcessStartInfo(dotnet)
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { dll }.Concat(arguments))
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["DOTNET_ENVIRONMENT"] = "Development";
        info.Environment["Demo__Enabled"] = "false";
        info.Environment.Remove("ASPNETCORE_URLS");
        info.Environment.Remove("ASPNETCORE_HOSTINGSTARTUPASSEMBLIES");
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{Path.GetFileName(dll)} did not start.");
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(dll)} was still running after {timeout.TotalSeconds} s:\n{output}");
        }

        process.WaitForExit(); // drains the redirected output
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    public HttpClient CreateClient(string apiKey, TimeSpan? timeout = null)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = BaseAddress,
            Timeout = timeout ?? TimeSpan.FromSeconds(30),
        };
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    /// <summary>SIGKILL: no shutdown, no finally blocks, no flush; waits until the process is gone.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit(10_000);
    }

    public void Dispose()
    {
        try
        {
            Kill();
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped.
        }

        _process.Dispose();
    }

    private async Task WaitReadyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The service exited with {_process.ExitCode} before it was ready:\n{Tail}");
            }

            try
            {
                if ((await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
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

            await Task.Delay(50);
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
            _tail.Enqueue(line);
            while (_tail.Count > 40)
            {
                _tail.Dequeue();
            }
        }
    }
}
