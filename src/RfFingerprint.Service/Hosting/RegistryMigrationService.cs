using RfFingerprint.Registry;

namespace RfFingerprint.Service.Hosting;

/// <summary>
/// Brings the registry schema up to date when the host starts, before the job scheduler and the capture worker
/// (registered after it) touch the database.
/// </summary>
internal sealed partial class RegistryMigrationService(IRegistryStore registry, ILogger<RegistryMigrationService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var result = await registry.MigrateAsync(cancellationToken);
        LogMigrated(logger, result);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "{Result}")]
    private static partial void LogMigrated(ILogger logger, MigrationResult result);
}
