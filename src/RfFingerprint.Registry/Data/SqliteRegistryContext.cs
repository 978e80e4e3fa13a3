using Microsoft.EntityFrameworkCore;
using RfFingerprint.Registry.Data.Configurations;
using RfFingerprint.Registry.Entities;

namespace RfFingerprint.Registry.Data;

/// <summary>
/// EF Core model of the registry on SQLite. It owns the SQLite schema and its migrations (folder Migrations/);
/// the PostgreSQL schema mirrors it in <see cref="Postgres.PostgresSchema"/> because no EF Core 6 PostgreSQL provider
/// can be restored here. Table and column names are snake_case so both engines share the store's SQL.
/// </summary>
internal sealed class SqliteRegistryContext(DbContextOptions<SqliteRegistryContext> options) : DbContext(options)
{
    public DbSet<Device> Devices => Set<Device>();

    public DbSet<DeviceAddress> DeviceAddresses => Set<DeviceAddress>();

    public DbSet<ModelVersion> ModelVersions => Set<ModelVersion>();

    public DbSet<Capture> Captures => Set<Capture>();

    public DbSet<Enrolment> Enrolments => Set<Enrolment>();

    public DbSet<EnrolmentCapture> EnrolmentCaptures => Set<EnrolmentCapture>();

    public DbSet<AuthenticationEvent> AuthenticationEvents => Set<AuthenticationEvent>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no time type: unix microseconds as INTEGER sort and compare correctly and keep
        // PostgreSQL's timestamptz precision, so a time round-trips identically on both engines.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UnixMicrosecondsConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UnixMicrosecondsConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new DeviceConfiguration());
        modelBuilder.ApplyConfiguration(new DeviceAddressConfiguration());
        modelBuilder.ApplyConfiguration(new ModelVersionConfiguration());
        modelBuilder.ApplyConfiguration(new CaptureConfiguration());
        modelBuilder.ApplyConfiguration(new EnrolmentConfiguration());
        modelBuilder.ApplyConfiguration(new EnrolmentCaptureConfiguration());
        modelBuilder.ApplyConfiguration(new AuthenticationEventConfiguration());
        modelBuilder.ApplyConfiguration(new ApiKeyConfiguration());
    }
}
