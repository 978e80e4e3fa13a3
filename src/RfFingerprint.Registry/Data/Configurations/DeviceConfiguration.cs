using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RfFingerprint.Registry.Entities;

namespace RfFingerprint.Registry.Data.Configurations;

internal sealed class DeviceConfiguration : IEntityTypeConfiguration<Device>
{
    public void Configure(EntityTypeBuilder<Device> builder)
    {
        builder.ToTable("devices");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).HasColumnName("id");
        builder.Property(d => d.Name).HasColumnName("name").HasMaxLength(200).IsRequired();
        builder.Property(d => d.DevEui).HasColumnName("dev_eui").HasMaxLength(16);
        builder.Property(d => d.HardwareNotes).HasColumnName("hardware_notes");
        builder.Property(d => d.Status).HasColumnName("status").HasMaxLength(16).IsRequired()
            .HasConversion(s => EnumText.Of(s), t => EnumText.ToDeviceStatus(t));
        builder.Property(d => d.CreatedUtc).HasColumnName("created_utc");
        builder.Property(d => d.UpdatedUtc).HasColumnName("updated_utc");
        builder.HasIndex(d => d.Name).IsUnique().HasDatabaseName("ux_devices_name");
        builder.HasIndex(d => d.DevEui).IsUnique().HasDatabaseName("ux_devices_dev_eui");
        builder.HasMany(d => d.Addresses).WithOne().HasForeignKey(a => a.DeviceId).OnDelete(DeleteBehavior.Cascade);
    }
}
