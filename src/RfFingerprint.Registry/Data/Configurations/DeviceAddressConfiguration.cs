using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RfFingerprint.Registry.Entities;

namespace RfFingerprint.Registry.Data.Configurations;

internal sealed class DeviceAddressConfiguration : IEntityTypeConfiguration<DeviceAddress>
{
    public void Configure(EntityTypeBuilder<DeviceAddress> builder)
    {
        builder.ToTable("device_addresses");
        // A DevAddr identifies at most one device at a time, so it is the key itself.
        builder.HasKey(a => a.DevAddr);
        builder.Property(a => a.DevAddr).HasColumnName("dev_addr").HasConversion<long>().ValueGeneratedNever();
        builder.Property(a => a.DeviceId).HasColumnName("device_id");
        builder.Property(a => a.AddedUtc).HasColumnName("added_utc");
        builder.HasIndex(a => a.DeviceId).HasDatabaseName("ix_device_addresses_device_id");
    }
}
