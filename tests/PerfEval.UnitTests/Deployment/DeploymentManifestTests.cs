using PerfEval.Api.Infrastructure;
using PerfEval.Application.Common;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using PerfEval.Api.Security;
using PerfEval.Infrastructure.DemoData;
using PerfEval.Infrastructure.Persistence;
using PerfEval.UnitTests.Persistence;
using YamlDotNet.RepresentationModel;

namespace PerfEval.UnitTests.Deployment;

/// <summary>
/// deploy/ checked without Docker or a cluster: every YAML file parses; the service is given only
/// settings it reads (derived from the options classes); probes hit the service's real health
/// routes; every image is pinned; the replicas are locked down, sized and drain before they stop;
/// the Job runs <c>migrate</c>; no secret value is committed.
/// </summary>
public sealed partial class DeploymentManifestTests
{
    /// <summary>The one setting read outside an options class (Program.cs: the host's shutdown timeout).</summary>
    private const string ShutdownSetting = "Shutdown:TimeoutSeconds";

    private const int DefaultShutdownSeconds = 30;

    /// <summary>Log levels by category, as appsettings.json sets them (<c>Logging:LogLevel:Default</c>).</summary>
    private const string LogLevelPrefix = "Logging__LogLevel__";

    /// <summary>The options classes bound from configuration, by section.</summary>
    private static readonly (string Section, Type Options)[] OptionSections =
    [
        (DatabaseOptions.Section, typeof(DatabaseOptions)),
        (SecurityOptions.Section, typeof(SecurityOptions)),
        (DemoDataOptions.Section, typeof(DemoDataOptions)),
        (IdempotencyOptions.Section, typeof(IdempotencyOptions)),
        (HttpOptions.Section, typeof(HttpOptions)),
    ];

    /// <summary>Host settings the service reads through ASP.NET Core and the .NET host (deploy/README.md lists them).</summary>
    private static readonly HashSet<string> HostSettings =
    [
        "ASPNETCORE_ENVIRONMENT",
        "ASPNETCORE_HTTP_PORTS",
        "ASPNETCORE_URLS",
        "ASPNETCORE_FORWARDEDHEADERS_ENABLED",
        "DOTNET_ENVIRONMENT",
    ];

    private static readonly string Root = FindRoot();

    private static readonly string Deploy = Path.Combine(Root, "deploy");

    private static readonly Lazy<IReadOnlyList<(string File, YamlNode Document)>> Documents = new(LoadDocuments);

    // ---- every file parses ----

    [Fact]
    public void EveryYamlFile_UnderDeploy_Parses()
    {
        var files = YamlFiles().ToList();

        Assert.True(files.Count >= 8, $"only {files.Count} YAML files under deploy/");
        foreach (var file in files)
        {
            var stream = Load(file);
            Assert.True(stream.Documents.Count > 0, $"{Relative(file)} holds no YAML document");
            Assert.All(stream.Documents, d => Assert.IsType<YamlMappingNode>(d.RootNode));
        }
    }

    // ---- settings: only what the service reads ----

    [Theory]
    [InlineData("Database__Provider", true)]
    [InlineData("Database__ReadConnectionString", true)]
    [InlineData("Demo__Enabled", true)]
    [InlineData("Security__ApiKeys__0__KeySha256", true)]
    [InlineData("Security__ApiKeys__12__Scopes__3", true)]
    [InlineData("Security__Jwt__Authority", true)]
    [InlineData("Security__Jwt__ScopeClaims__0", true)]
    [InlineData("Shutdown__TimeoutSeconds", true)]
    [InlineData("ASPNETCORE_ENVIRONMENT", true)]
    [InlineData("Logging__LogLevel__Default", true)]
    [InlineData("Database__Provder", false)]
    [InlineData("Database__Migrate", false)]
    [InlineData("Security__ApiKeys__first__Client", false)]
    [InlineData("Security__ApiKeys__0__Scopes", false)]
    [InlineData("Security__Jwt", false)]
    [InlineData("Security__RequestsPerSecond", false)]
    [InlineData("Shutdown__Timeout", false)]
    [InlineData("Logging__Whatever", false)]
    [InlineData("Logging__LogLevel__", false)]
    [InlineData("ASPNETCORE_ENVIRONEMNT", false)]
    public void SettingName_IsCheckedAgainstTheOptionsClasses(string name, bool read)
    {
        Assert.Equal(read, IsSettingTheServiceReads(name));
    }

    [Fact]
    public void ShutdownSetting_IsTheOneProgramReads()
    {
        Assert.Contains($"\"{ShutdownSetting}\", {DefaultShutdownSeconds})", File.ReadAllText(Path.Combine(Root, "src", "PerfEval.Api", "Program.cs")), StringComparison.Ordinal);
    }

    [Fact]
    public void ServiceEnvironment_InDockerfileComposeAndKubernetes_NamesOnlySettingsTheServiceReads()
    {
        var settings = ServiceSettings().ToList();

        Assert.Contains(settings, s => s.Source.Contains("docker-compose.yml", StringComparison.Ordinal));
        Assert.Contains(settings, s => s.Source.Contains("docker-compose.sqlite.yml", StringComparison.Ordinal));
        Assert.Contains(settings, s => s.Source.Contains("deployment.yaml", StringComparison.Ordinal));
        Assert.Contains(settings, s => s.Source.Contains("migrate-job.yaml", StringComparison.Ordinal));
        Assert.Contains(settings, s => s.Source.Contains("Dockerfile", StringComparison.Ordinal));
        var unknown = settings.Where(s => !IsSettingTheServiceReads(s.Name)).Select(s => $"{s.Source}: {s.Name}").ToList();
        Assert.True(unknown.Count == 0, "settings the service does not read:\n" + string.Join("\n", unknown));
    }

    [Fact]
    public void ApiKeyScopes_InComposeAndTheSecretExample_AreScopesTheServiceKnows()
    {
        var scopes = ComposeServices().SelectMany(s => Environment(s.Service))
            .Concat(Documents.Value.Where(d => Text(At(d.Document, "kind")) == "Secret").SelectMany(d => Entries(At(d.Document, "stringData")).Select(e => (Name: e.Key, Value: Text(e.Value) ?? ""))))
            .Where(e => ScopeSetting().IsMatch(e.Name))
            .ToList();

        Assert.NotEmpty(scopes);
        Assert.All(scopes, s => Assert.Contains(s.Value, Scopes.All));
    }

    [Fact]
    public void ConfigurationReference_InDeployReadme_ListsEverySettingTheServiceReads()
    {
        var readme = File.ReadAllText(Path.Combine(Deploy, "README.md"));
        var settings = OptionSections.SelectMany(s => SettingNames(s.Options, s.Section, 0))
            .Append(ShutdownSetting.Replace(":", "__", StringComparison.Ordinal))
            .Concat(HostSettings)
            .ToList();

        Assert.Contains("Security__ApiKeys__N__Scopes__M", settings);
        Assert.All(settings, name => Assert.Contains($"| `{name}` |", readme, StringComparison.Ordinal));
    }

    // ---- probes and health check ----

    [Fact]
    public void Probes_PointAtTheServiceHealthRoutesOnItsPort()
    {
        var routes = HealthRoute().Matches(File.ReadAllText(Path.Combine(Root, "src", "PerfEval.Api", "Program.cs"))).Select(m => m.Groups["route"].Value).ToList();
        Assert.Contains("/health/live", routes);
        Assert.Contains("/health/ready", routes);

        var container = ApiContainer();
        var port = Assert.Single(Items(At(container, "ports")));
        Assert.Equal(DockerfilePort().ToString(CultureInfo.InvariantCulture), Text(At(port, "containerPort")));
        foreach (var (probe, route) in new[] { ("startupProbe", "/health/live"), ("livenessProbe", "/health/live"), ("readinessProbe", "/health/ready") })
        {
            var get = At(container, probe, "httpGet");
            Assert.True(get is not null, $"the API container has no {probe} with httpGet");
            Assert.Equal(route, Text(At(get, "path")));
            Assert.Contains(Text(At(get, "port")), new[] { Text(At(port, "name")), Text(At(port, "containerPort")) });
        }

        var healthCheck = Assert.Single(DockerfileInstructions("HEALTHCHECK"));
        Assert.Contains($"/dev/tcp/127.0.0.1/{DockerfilePort()}", healthCheck, StringComparison.Ordinal);
        Assert.Contains(routes.Single(r => r == "/health/live"), healthCheck, StringComparison.Ordinal);
    }

    // ---- images ----

    [Fact]
    public void Images_InComposeAndKubernetes_ArePinned()
    {
        var images = ComposeServices().Select(s => (s.Source, Image: Resolve(Text(At(s.Service, "image")) ?? "")))
            .Concat(Containers().Select(c => (c.Source, Image: Text(At(c.Container, "image")) ?? "")))
            .ToList();

        Assert.True(images.Count >= 7, $"only {images.Count} images found");
        var loose = images.Where(i => !IsPinned(i.Image)).Select(i => $"{i.Source}: '{i.Image}'").ToList();
        Assert.True(loose.Count == 0, "images without a version tag or digest:\n" + string.Join("\n", loose));
    }

    [Theory]
    [InlineData("mcr.microsoft.com/dotnet/aspnet:10.0.12-noble", true)]
    [InlineData("mcr.microsoft.com/mssql/server:2022-CU27-ubuntu-22.04", true)]
    [InlineData("registry.example.org:5000/perfeval/perfeval-api:1.0.0", true)]
    [InlineData("mcr.microsoft.com/dotnet/aspnet@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", true)]
    [InlineData("mcr.microsoft.com/dotnet/aspnet:10.0", false)]
    [InlineData("mcr.microsoft.com/mssql/server:2022-latest", false)]
    [InlineData("perfeval-api:latest", false)]
    [InlineData("registry.example.org:5000/perfeval/perfeval-api", false)]
    [InlineData("", false)]
    public void ImagePin_RequiresAPatchVersionOrDigest(string image, bool pinned)
    {
        Assert.Equal(pinned, IsPinned(image));
    }

    [Fact]
    public void Dockerfile_BuildsOnPinnedDotNetImagesAndRunsAsNonRootInProduction()
    {
        var from = DockerfileInstructions("FROM").Select(f => FromImage().Match(f).Groups["image"].Value).ToList();

        Assert.Equal(2, from.Count);
        Assert.All(from, image => Assert.True(IsPinned(image), $"FROM {image} is not pinned"));
        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:10.0.", from[0], StringComparison.Ordinal);
        Assert.StartsWith("mcr.microsoft.com/dotnet/aspnet:10.0.", from[^1], StringComparison.Ordinal);

        var user = DockerfileInstructions("USER").Last();
        Assert.True(user is "$APP_UID" || (int.TryParse(user, out var uid) && uid > 0), $"USER {user} is not a non-root user");
        Assert.Contains(("ASPNETCORE_ENVIRONMENT", "Production"), DockerfileEnvironment());
        Assert.DoesNotContain(DockerfileEnvironment(), e => IsSecretSetting(e.Name) || e.Value.Contains("Password=", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(DockerfileInstructions("VOLUME"));
    }

    // ---- the Deployment, the Job and their companions ----

    [Fact]
    public void Deployment_RunsThreeLockedDownSizedReplicasThatNeverMigrateAndDrainBeforeStopping()
    {
        var deployment = Single("Deployment");
        var pod = At(deployment, "spec", "template", "spec");
        var container = ApiContainer();

        Assert.Equal("3", Text(At(deployment, "spec", "replicas")));
        AssertLockedDown(pod, container);
        AssertSized(container);
        Assert.Equal("false", EnvValue(container, "Database__MigrateOnStartup"));

        var preStop = Items(At(container, "lifecycle", "preStop", "exec", "command")).Select(Text).ToList();
        Assert.Equal("sleep", preStop.FirstOrDefault());
        var sleep = int.Parse(preStop[^1]!, CultureInfo.InvariantCulture);
        Assert.InRange(sleep, 5, 30);
        var shutdown = int.Parse(SettingOf(container, "Shutdown__TimeoutSeconds") ?? DefaultShutdownSeconds.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var grace = int.Parse(Text(At(pod, "terminationGracePeriodSeconds")) ?? "30", CultureInfo.InvariantCulture);
        Assert.True(grace > sleep + shutdown, $"terminationGracePeriodSeconds {grace} leaves no room for the {sleep} s preStop sleep and the {shutdown} s drain");
    }

    [Fact]
    public void MigrateJob_RunsMigrateOnceWithTheDeploymentsImageAndSettings()
    {
        var job = Single("Job");
        var pod = At(job, "spec", "template", "spec");
        var container = Assert.Single(Items(At(pod, "containers")));
        var api = ApiContainer();

        Assert.Contains("migrate", Items(At(container, "args")).Concat(Items(At(container, "command"))).Select(Text));
        Assert.Equal(Text(At(api, "image")), Text(At(container, "image")));
        Assert.Equal(EnvFromNames(api), EnvFromNames(container));
        Assert.Equal("Never", Text(At(pod, "restartPolicy")));
        Assert.NotNull(At(job, "spec", "backoffLimit"));
        AssertLockedDown(pod, container);
        AssertSized(container);
    }

    [Fact]
    public void ServiceHpaAndPdb_SelectTheDeploymentsPods()
    {
        var deployment = Single("Deployment");
        var name = Text(At(deployment, "metadata", "name"));
        var labels = Entries(At(deployment, "spec", "template", "metadata", "labels")).ToDictionary(e => e.Key, e => Text(e.Value));
        var service = Single("Service");
        var hpa = Single("HorizontalPodAutoscaler");
        var pdb = Single("PodDisruptionBudget");

        Assert.All(Entries(At(service, "spec", "selector")), e => Assert.Equal(labels[e.Key], Text(e.Value)));
        Assert.All(Entries(At(pdb, "spec", "selector", "matchLabels")), e => Assert.Equal(labels[e.Key], Text(e.Value)));
        Assert.Contains(Text(At(Assert.Single(Items(At(service, "spec", "ports"))), "targetPort")), Items(At(ApiContainer(), "ports")).Select(p => Text(At(p, "name"))));

        Assert.Equal("autoscaling/v2", Text(At(hpa, "apiVersion")));
        Assert.Equal("Deployment", Text(At(hpa, "spec", "scaleTargetRef", "kind")));
        Assert.Equal(name, Text(At(hpa, "spec", "scaleTargetRef", "name")));
        var min = int.Parse(Text(At(hpa, "spec", "minReplicas"))!, CultureInfo.InvariantCulture);
        var max = int.Parse(Text(At(hpa, "spec", "maxReplicas"))!, CultureInfo.InvariantCulture);
        Assert.InRange(int.Parse(Text(At(deployment, "spec", "replicas"))!, CultureInfo.InvariantCulture), min, max);

        Assert.Equal("policy/v1", Text(At(pdb, "apiVersion")));
        Assert.InRange(int.Parse(Text(At(pdb, "spec", "minAvailable"))!, CultureInfo.InvariantCulture), 1, min - 1);
    }

    [Fact]
    public void Secrets_AreReferencedByTheManifestsAndNeverCommitted()
    {
        var secrets = Documents.Value.Where(d => Text(At(d.Document, "kind")) == "Secret").ToList();
        Assert.NotEmpty(secrets);
        Assert.All(secrets, s => Assert.EndsWith(".example.yaml", s.File, StringComparison.Ordinal));
        Assert.All(secrets, s => Assert.Contains($"{Path.DirectorySeparatorChar}examples{Path.DirectorySeparatorChar}", s.File, StringComparison.Ordinal));
        foreach (var (key, value) in secrets.SelectMany(s => Entries(At(s.Document, "stringData"))).Select(e => (e.Key, Text(e.Value) ?? "")))
        {
            Assert.True(value.Contains('<', StringComparison.Ordinal) || (!IsSecretSetting(key) && Scopes.All.Contains(value)), $"the example Secret's {key} holds a value, not a <placeholder>");
        }

        Assert.Contains("perfeval-secrets", EnvFromNames(ApiContainer()));
        var configMap = Single("ConfigMap");
        Assert.DoesNotContain(Entries(At(configMap, "data")), e => IsSecretSetting(e.Key));
        foreach (var (_, container) in Containers())
        {
            Assert.DoesNotContain(Items(At(container, "env")), e => IsSecretSetting(Text(At(e, "name"))!) && At(e, "value") is not null);
        }

        foreach (var (source, name, value) in ComposeServices().SelectMany(s => Environment(s.Service).Select(e => (s.Source, e.Name, e.Value))))
        {
            if (IsSecretSetting(name) || name.Contains("PASSWORD", StringComparison.OrdinalIgnoreCase))
            {
                Assert.True(IsInterpolated(value), $"{source}: {name} holds a literal secret instead of a ${{…}} from .env");
            }
        }

        var example = File.ReadAllLines(Path.Combine(Deploy, ".env.example")).Where(l => l.Contains('=', StringComparison.Ordinal) && !l.TrimStart().StartsWith('#')).Select(l => l.Split('=', 2)).ToList();
        Assert.All(example.Where(v => v[0].Contains("PASSWORD", StringComparison.Ordinal) || v[0].Contains("SHA256", StringComparison.Ordinal)), v => Assert.Equal("", v[1]));
        Assert.Contains("deploy/.env", File.ReadAllLines(Path.Combine(Root, ".gitignore")));
    }

    // ---- compose ----

    [Fact]
    public void Compose_SqlServerVariant_MigratesOnceBeforeTheApiStarts()
    {
        var services = ComposeServices().Where(s => s.Source.EndsWith("docker-compose.yml", StringComparison.Ordinal)).ToDictionary(s => s.Name, s => s.Service);
        var api = services["api"];
        var migrate = services["migrate"];

        Assert.Contains("migrate", Items(At(migrate, "command")).Select(Text));
        Assert.Equal("service_completed_successfully", Text(At(api, "depends_on", "migrate", "condition")));
        Assert.Equal("SqlServer", EnvironmentOf(api)["Database__Provider"]);
        Assert.Equal("false", EnvironmentOf(api)["Database__MigrateOnStartup"]);
        Assert.StartsWith("mcr.microsoft.com/mssql/server:2022-", Text(At(services["db"], "image")), StringComparison.Ordinal);
        Assert.Contains(Items(At(services["db"], "volumes")).Select(Text), v => v!.EndsWith(":/var/opt/mssql", StringComparison.Ordinal));
        AssertComposeLockedDown(api);
        AssertComposeLockedDown(migrate);
    }

    [Fact]
    public void Compose_SqliteVariant_KeepsTheDataFolderOnANamedVolume()
    {
        var (_, _, api) = Assert.Single(ComposeServices(), s => s.Source.EndsWith("docker-compose.sqlite.yml", StringComparison.Ordinal));
        var environment = EnvironmentOf(api);
        var file = Documents.Value.Single(d => d.File.EndsWith("docker-compose.sqlite.yml", StringComparison.Ordinal)).Document;

        Assert.Equal("Sqlite", environment["Database__Provider"]);
        var folder = environment["Database__DataFolder"];
        var volume = Assert.Single(Items(At(api, "volumes")).Select(Text), v => v!.EndsWith(":" + folder, StringComparison.Ordinal))!;
        Assert.NotNull(At(file, "volumes", volume.Split(':')[0]));
        AssertComposeLockedDown(api);
        Assert.Null(At(api, "deploy", "replicas"));
    }

    [Fact]
    public void SqlServerInitScript_ParsesAsTSql()
    {
        var scripts = Directory.GetFiles(Path.Combine(Deploy, "sqlserver"), "*.sql");

        Assert.NotEmpty(scripts);
        foreach (var script in scripts)
        {
            var text = ScriptingVariable().Replace(File.ReadAllText(script), "placeholder");
            Assert.All(new Migration(0, Path.GetFileName(script), text).Batches(), batch => Assert.Empty(SqlStatementTests.ParseErrors(batch)));
        }
    }

    // ---- what "the service reads" means ----

    private static bool IsSettingTheServiceReads(string name)
    {
        if (HostSettings.Contains(name)
            || (name.StartsWith(LogLevelPrefix, StringComparison.Ordinal) && name.Length > LogLevelPrefix.Length)
            || string.Equals(name.Replace("__", ":", StringComparison.Ordinal), ShutdownSetting, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var path = name.Split("__");
        var section = OptionSections.FirstOrDefault(s => string.Equals(s.Section, path[0], StringComparison.OrdinalIgnoreCase));
        return section.Options is not null && path.Length > 1 && Binds(section.Options, path.AsSpan(1));
    }

    /// <summary>As the configuration binder walks it: a property by name, a list item by index, down to a single value.</summary>
    private static bool Binds(Type type, ReadOnlySpan<string> path)
    {
        if (path.IsEmpty)
        {
            return IsSingleValue(type);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            return int.TryParse(path[0], NumberStyles.None, CultureInfo.InvariantCulture, out _) && Binds(type.GetGenericArguments()[0], path[1..]);
        }

        var property = type.GetProperty(path[0], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        return property is { CanWrite: true } && Binds(property.PropertyType, path[1..]);
    }

    /// <summary>Every name <see cref="Binds"/> accepts, with list indexes written N, then M.</summary>
    private static IEnumerable<string> SettingNames(Type type, string prefix, int lists)
    {
        if (IsSingleValue(type))
        {
            return [prefix];
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            return SettingNames(type.GetGenericArguments()[0], $"{prefix}__{(lists == 0 ? "N" : "M")}", lists + 1);
        }

        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite)
            .SelectMany(p => SettingNames(p.PropertyType, $"{prefix}__{p.Name}", lists));
    }

    private static bool IsSingleValue(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal);
    }

    private static bool IsSecretSetting(string name) =>
        name.Contains("ConnectionString", StringComparison.OrdinalIgnoreCase) || name.Contains("KeySha256", StringComparison.OrdinalIgnoreCase);

    /// <summary>A secret in a compose file comes from .env: the value, or in a connection string the password, is <c>${…}</c>.</summary>
    private static bool IsInterpolated(string value) =>
        value.Contains("Password=", StringComparison.OrdinalIgnoreCase)
            ? PasswordValue().Matches(value).All(m => m.Groups["value"].Value.StartsWith("${", StringComparison.Ordinal))
            : value.StartsWith("${", StringComparison.Ordinal);

    private static bool IsPinned(string image)
    {
        if (Digest().IsMatch(image))
        {
            return true;
        }

        var name = image[(image.LastIndexOf('/') + 1)..];
        var colon = name.LastIndexOf(':');
        var tag = colon < 0 ? "" : name[(colon + 1)..];
        return !tag.Contains("latest", StringComparison.OrdinalIgnoreCase) && PatchVersion().IsMatch(tag);
    }

    // ---- the service's settings, wherever they are given ----

    private static IEnumerable<(string Source, string Name)> ServiceSettings()
    {
        foreach (var (name, _) in DockerfileEnvironment())
        {
            yield return ("deploy/Dockerfile", name);
        }

        foreach (var (source, _, service) in ComposeServices().Where(s => IsServiceImage(Text(At(s.Service, "image")))))
        {
            foreach (var (name, _) in Environment(service))
            {
                yield return (source, name);
            }
        }

        foreach (var (source, container) in Containers().Where(c => IsServiceImage(Text(At(c.Container, "image")))))
        {
            foreach (var env in Items(At(container, "env")))
            {
                yield return (source, Text(At(env, "name"))!);
            }

            foreach (var from in Items(At(container, "envFrom")))
            {
                var (kind, reference) = At(from, "configMapRef") is { } configMap ? ("ConfigMap", configMap) : ("Secret", At(from, "secretRef"));
                var name = Text(At(reference, "name"));
                var document = Documents.Value.SingleOrDefault(d => Text(At(d.Document, "kind")) == kind && Text(At(d.Document, "metadata", "name")) == name);
                Assert.True(document.Document is not null, $"{source} takes its environment from {kind} '{name}', which nothing under deploy/ defines or documents");
                foreach (var (key, _) in Entries(At(document.Document, kind == "ConfigMap" ? "data" : "stringData")))
                {
                    yield return ($"{Relative(document.File)} (via {source})", key);
                }
            }
        }
    }

    private static bool IsServiceImage(string? image) => image is not null && image.Contains("perfeval-api", StringComparison.Ordinal);

    private static string? SettingOf(YamlNode container, string name) =>
        EnvValue(container, name) ?? EnvFromNames(container)
            .Select(n => Documents.Value.FirstOrDefault(d => Text(At(d.Document, "kind")) == "ConfigMap" && Text(At(d.Document, "metadata", "name")) == n).Document)
            .Select(configMap => Text(At(configMap, "data", name)))
            .FirstOrDefault(v => v is not null);

    private static string? EnvValue(YamlNode container, string name) =>
        Items(At(container, "env")).Where(e => Text(At(e, "name")) == name).Select(e => Text(At(e, "value"))).FirstOrDefault();

    private static List<string?> EnvFromNames(YamlNode container) =>
        Items(At(container, "envFrom")).Select(f => Text(At(f, "configMapRef", "name")) ?? Text(At(f, "secretRef", "name"))).ToList();

    private static void AssertLockedDown(YamlNode? pod, YamlNode container)
    {
        var security = At(container, "securityContext");
        Assert.True(Text(At(pod, "securityContext", "runAsNonRoot")) == "true" || Text(At(security, "runAsNonRoot")) == "true", "runAsNonRoot is not set");
        Assert.Equal("true", Text(At(security, "readOnlyRootFilesystem")));
        Assert.Equal("false", Text(At(security, "allowPrivilegeEscalation")));
        Assert.Contains("ALL", Items(At(security, "capabilities", "drop")).Select(Text));
        var writable = Items(At(container, "volumeMounts")).Select(m => Text(At(m, "mountPath"))).ToList();
        Assert.All(writable, path => Assert.Contains(path, new[] { "/tmp", "/app/data" }));
    }

    private static void AssertSized(YamlNode container)
    {
        foreach (var bound in new[] { "requests", "limits" })
        {
            foreach (var resource in new[] { "cpu", "memory" })
            {
                Assert.False(string.IsNullOrEmpty(Text(At(container, "resources", bound, resource))), $"resources.{bound}.{resource} is not set");
            }
        }
    }

    private static void AssertComposeLockedDown(YamlNode service)
    {
        Assert.Equal("true", Text(At(service, "read_only")));
        Assert.Contains("/tmp", Items(At(service, "tmpfs")).Select(Text));
        Assert.Contains("ALL", Items(At(service, "cap_drop")).Select(Text));
    }

    // ---- reading deploy/ ----

    private static IEnumerable<string> YamlFiles() =>
        Directory.EnumerateFiles(Deploy, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    private static YamlStream Load(string file)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(file);
        stream.Load(reader);
        return stream;
    }

    private static IReadOnlyList<(string File, YamlNode Document)> LoadDocuments() =>
        YamlFiles().SelectMany(f => Load(f).Documents.Select(d => (f, d.RootNode))).ToList();

    private static YamlNode Single(string kind)
    {
        var documents = Documents.Value.Where(d => Text(At(d.Document, "kind")) == kind && !d.File.EndsWith(".example.yaml", StringComparison.Ordinal)).ToList();
        Assert.True(documents.Count == 1, $"expected one {kind} under deploy/kubernetes, found {documents.Count}");
        return documents[0].Document;
    }

    private static YamlNode ApiContainer() =>
        Items(At(Single("Deployment"), "spec", "template", "spec", "containers")).Single(c => IsServiceImage(Text(At(c, "image"))));

    /// <summary>The containers of every Kubernetes workload under deploy/.</summary>
    private static IEnumerable<(string Source, YamlNode Container)> Containers() =>
        Documents.Value
            .Where(d => Text(At(d.Document, "kind")) is "Deployment" or "Job" or "StatefulSet" or "DaemonSet")
            .SelectMany(d => Items(At(d.Document, "spec", "template", "spec", "containers"))
                .Concat(Items(At(d.Document, "spec", "template", "spec", "initContainers")))
                .Select(c => (Relative(d.File), c)));

    private static IEnumerable<(string Source, string Name, YamlNode Service)> ComposeServices() =>
        Documents.Value
            .Where(d => Path.GetFileName(d.File).StartsWith("docker-compose", StringComparison.Ordinal))
            .SelectMany(d => Entries(At(d.Document, "services")).Select(s => (Relative(d.File), s.Key, s.Value)));

    /// <summary>A compose service's environment, as a mapping or as a list of NAME=value.</summary>
    private static IEnumerable<(string Name, string Value)> Environment(YamlNode service)
    {
        var environment = At(service, "environment");
        return environment is YamlSequenceNode list
            ? list.Select(Text).Select(item => item!.Split('=', 2)).Select(parts => (parts[0], parts.Length > 1 ? parts[1] : ""))
            : Entries(environment).Select(e => (e.Key, Text(e.Value) ?? ""));
    }

    private static Dictionary<string, string> EnvironmentOf(YamlNode service) => Environment(service).ToDictionary(e => e.Name, e => e.Value);

    /// <summary>Compose's interpolation: <c>${NAME:-default}</c> becomes its default; <c>${NAME}</c> stays unresolved.</summary>
    private static string Resolve(string value) => Interpolation().Replace(value, m => m.Groups["default"].Success ? m.Groups["default"].Value : m.Value);

    private static IEnumerable<string> DockerfileInstructions(string instruction)
    {
        var joined = File.ReadAllText(Path.Combine(Deploy, "Dockerfile")).Replace("\\\n", " ", StringComparison.Ordinal);
        return joined.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.StartsWith(instruction + " ", StringComparison.Ordinal))
            .Select(l => l[(instruction.Length + 1)..].Trim());
    }

    private static List<(string Name, string Value)> DockerfileEnvironment() =>
        DockerfileInstructions("ENV").SelectMany(e => EnvAssignment().Matches(e)).Select(m => (m.Groups["name"].Value, m.Groups["value"].Value)).ToList();

    private static int DockerfilePort() =>
        int.Parse(DockerfileEnvironment().Single(e => e.Name == "ASPNETCORE_HTTP_PORTS").Value, CultureInfo.InvariantCulture);

    private static YamlNode? At(YamlNode? node, params string[] path)
    {
        foreach (var key in path)
        {
            node = node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;
        }

        return node;
    }

    private static string? Text(YamlNode? node) => (node as YamlScalarNode)?.Value;

    private static IEnumerable<YamlNode> Items(YamlNode? node) => node as YamlSequenceNode ?? Enumerable.Empty<YamlNode>();

    private static IEnumerable<(string Key, YamlNode Value)> Entries(YamlNode? node) =>
        node is YamlMappingNode map ? map.Children.Select(c => (Text(c.Key)!, c.Value)) : [];

    private static string Relative(string file) => Path.GetRelativePath(Root, file).Replace('\\', '/');

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PerfEval.sln")) && Directory.Exists(Path.Combine(dir.FullName, "deploy")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("No PerfEval.sln with a deploy/ folder above the test output.");
    }

    [GeneratedRegex(@"MapHealthChecks\(""(?<route>/[^""]+)""")]
    private static partial Regex HealthRoute();

    [GeneratedRegex(@"^(?:--platform=\S+\s+)?(?<image>\S+)")]
    private static partial Regex FromImage();

    [GeneratedRegex(@"(?<name>[A-Za-z_][A-Za-z0-9_]*)=(?<value>""[^""]*""|\S*)")]
    private static partial Regex EnvAssignment();

    [GeneratedRegex(@"@sha256:[0-9a-f]{64}$")]
    private static partial Regex Digest();

    /// <summary>A tag that names a release: at least major.minor and something more (10.0.12, 1.0.0, 2022-CU27-ubuntu-22.04).</summary>
    [GeneratedRegex(@"^(\d+\.\d+\.\d+|\d{4}-CU\d+.*)")]
    private static partial Regex PatchVersion();

    [GeneratedRegex(@"\$\{(?<name>\w+)(?::?-(?<default>[^}]*)|:?\?[^}]*)?\}")]
    private static partial Regex Interpolation();

    [GeneratedRegex(@"Password=(?<value>[^;]*)", RegexOptions.IgnoreCase)]
    private static partial Regex PasswordValue();

    [GeneratedRegex(@"^Security__ApiKeys__\d+__Scopes__\d+$")]
    private static partial Regex ScopeSetting();

    [GeneratedRegex(@"\$\((?<name>\w+)\)")]
    private static partial Regex ScriptingVariable();
}
