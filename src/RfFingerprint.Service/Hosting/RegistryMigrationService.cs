using RfFingerprint.Registry;

namespace RfFingerprint.Service.Hosting;

/// <summary>
/// Brings the registry schema up to date when the host starts (the store logs what it applied), before the job
/// scheduler and the capture worker, registered after it, touch the database.
/// </summary>
internal sealed class RegistryMigrationService(IRegistryStore registry) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => registry.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
