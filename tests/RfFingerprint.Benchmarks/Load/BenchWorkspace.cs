using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using Npgsql;
using RfFingerprint.Registry;
using RfFingerprint.Registry.Entities;
using RfFingerprint.Sdr.SigMF;
using RfFingerprint.Simulation;

namespace RfFingerprint.Benchmarks.Load;

/// <summary>
/// What a load mode runs against: a temp folder with simulated recordings, a fresh registry (a SQLite file, or a
/// private schema of the PostgreSQL server named by <c>RFFP_TEST_POSTGRES</c>) and one API key per role.
/// </summary>
internal sealed class BenchWorkspace : IAsyncDisposable
{
    public const string PostgresVariable = "RFFP_TEST_POSTGRES";

    private readonly string? _postgresAdmin;
    private readonly string? _schema;

    private BenchWorkspace(string folder, string connectionString, string? postgresAdmin, string? schema)
    {
        Folder = folder;
        ConnectionString = connectionString;
        _postgresAdmin = postgresAdmin;
        _schema = schema;
        Directory.CreateDirectory(CaptureDirectory);
    }

    public string Folder { get; }

    public string CaptureDirectory => Path.Combine(Folder, "captures");

    public string ConnectionString { get; }

    public string DatabaseName => _schema is null ? "SQLite file" : "PostgreSQL";

    public string AdminKey { get; private set; } = "";

    public string OperatorKey { get; private set; } = "";

    /// <summary>The repository root, from the build.</summary>
    public static string RepoRoot { get; } = typeof(BenchWorkspace).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepoRoot").Value!;

    /// <summary>The shipped default extractor, which the service uses unless told otherwise.</summary>
    public static string DefaultModelPath => Path.Combine(RepoRoot, "models", "default", "extractor.onnx");

    /// <summary>Creates the folder and the registry (migrated, with an admin and an operator key).</summary>
    /// <param name="database"><c>sqlite</c> or <c>postgres</c>.</param>
    public static async Task<BenchWorkspace> CreateAsync(string database)
    {
        var folder = Path.Combine(Path.GetTempPath(), "rffp-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        BenchWorkspace workspace;
        switch (database)
        {
            case "sqlite":
                workspace = new BenchWorkspace(folder, Path.Combine(folder, "registry", "rffp.db"), null, null);
                break;
            case "postgres":
                var admin = Environment.GetEnvironmentVariable(PostgresVariable);
                if (string.IsNullOrWhiteSpace(admin))
                {
                    throw new InvalidOperationException($"{PostgresVariable} is not set: run 'source .ci/postgres.sh start' first");
                }

                var schema = "bench_" + Guid.NewGuid().ToString("N");
                await using (var connection = new NpgsqlConnection(admin))
                {
                    await connection.OpenAsync();
                    await using var command = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
                    await command.ExecuteNonQueryAsync();
                }

                workspace = new BenchWorkspace(folder, new NpgsqlConnectionStringBuilder(admin) { SearchPath = schema }.ConnectionString, admin, schema);
                break;
            default:
                throw new ArgumentException($"--database must be sqlite or postgres, not '{database}'", nameof(database));
        }

        await using var store = workspace.OpenRegistry();
        await store.MigrateAsync();
        workspace.AdminKey = (await store.CreateApiKeyAsync("bench-admin", ApiKeyRole.Admin)).PlaintextKey;
        workspace.OperatorKey = (await store.CreateApiKeyAsync("bench-operator", ApiKeyRole.Operator)).PlaintextKey;
        return workspace;
    }

    public IRegistryStore OpenRegistry() => RegistryStoreFactory.Create(ConnectionString);

    /// <summary>Settings for a service on this workspace (the default model, this registry and capture folder).</summary>
    public Dictionary<string, string> ServiceSettings(string? modelPath = null) => new()
    {
        ["Registry:ConnectionString"] = ConnectionString,
        ["Service:CaptureDirectory"] = CaptureDirectory,
        ["Model:Path"] = modelPath ?? DefaultModelPath,
    };

    /// <summary>Simulates <paramref name="devices"/> devices (seed 7) for one session into the capture folder.</summary>
    public SimulationResult Simulate(int devices, int burstsPerDevice, ulong session, string subfolder, double sampleRateHz = 1e6)
    {
        var output = Path.Combine(Folder, subfolder);
        var result = SimulationRunner.Run(new SimulationOptions
        {
            Devices = devices,
            BurstsPerDevice = burstsPerDevice,
            Seed = 7,
            Session = session,
            SnrDb = 25,
            SampleRateHz = sampleRateHz,
            OutputDirectory = output,
            MaxDegreeOfParallelism = 2,
        });
        foreach (var recording in result.Recordings)
        {
            File.Copy(recording.MetaPath, Path.Combine(CaptureDirectory, Path.GetFileName(recording.MetaPath)), overwrite: true);
            var data = SigMFPaths.DataPath(recording.MetaPath);
            File.Copy(data, Path.Combine(CaptureDirectory, Path.GetFileName(data)), overwrite: true);
        }

        return result;
    }

    /// <summary>Enrols each recording's device through the service's API (one enrolment job per device) and waits.</summary>
    public async Task EnrolAsync(Uri service, SimulationResult recordings)
    {
        using var admin = new HttpClient { BaseAddress = service };
        admin.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
        foreach (var recording in recordings.Recordings)
        {
            var name = Path.GetFileName(recording.MetaPath);
            var device = name[..^SigMFPaths.MetaExtension.Length];
            var response = await admin.PostAsJsonAsync("/api/v1/enrolments", new { deviceName = device, captures = new[] { name } });
            response.EnsureSuccessStatusCode();
            var job = await response.Content.ReadFromJsonAsync<JsonElement>();
            var state = await WaitForJobAsync(admin, job.GetProperty("id").GetString()!, TimeSpan.FromMinutes(2));
            if (state.GetProperty("state").GetString() != "succeeded")
            {
                throw new InvalidOperationException($"enrolment of {device} {state.GetProperty("state")}: {state.GetProperty("error")}");
            }
        }
    }

    /// <summary>Polls a job until it succeeds or fails.</summary>
    public static async Task<JsonElement> WaitForJobAsync(HttpClient client, string jobId, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var job = await client.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{jobId}");
            if (job.GetProperty("state").GetString() is "succeeded" or "failed")
            {
                return job;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"job {jobId} still {job.GetProperty("state")}");
            }

            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgresAdmin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_postgresAdmin);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {_schema} CASCADE", connection);
            await command.ExecuteNonQueryAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind does not change any figure.
        }
    }
}
