using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RfFingerprint.Registry.Entities;

namespace RfFingerprint.Registry.Data.Configurations;

internal sealed class AuthenticationEventConfiguration : IEntityTypeConfiguration<AuthenticationEvent>
{
    public void Configure(EntityTypeBuilder<AuthenticationEvent> builder)
    {
        builder.ToTable("auth_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).HasColumnName("id");
        builder.Property(e => e.CaptureId).HasColumnName("capture_id");
        builder.Property(e => e.SampleIndex).HasColumnName("sample_index");
        builder.Property(e => e.TimeUtc).HasColumnName("time_utc");
        builder.Property(e => e.DeviceId).HasColumnName("device_id");
        builder.Property(e => e.Score).HasColumnName("score");
        builder.Property(e => e.Verdict).HasColumnName("verdict").HasMaxLength(64).IsRequired();
        builder.Property(e => e.CfoHz).HasColumnName("cfo_hz");
        builder.Property(e => e.SnrDb).HasColumnName("snr_db");
        builder.Property(e => e.ClaimedDevAddr).HasColumnName("claimed_dev_addr").HasConversion<long?>();
        builder.Property(e => e.ClaimedDevEui).HasColumnName("claimed_dev_eui").HasMaxLength(16);
        builder.Property(e => e.ModelVersionId).HasColumnName("model_version_id");
        builder.Property(e => e.Spectrogram).HasColumnName("spectrogram");
        // One row per burst: a replay of the same capture inserts nothing new.
        builder.HasIndex(e => new { e.CaptureId, e.SampleIndex }).IsUnique().HasDatabaseName("ux_auth_events_capture_sample");
        builder.HasIndex(e => new { e.DeviceId, e.Id }).HasDatabaseName("ix_auth_events_device_id");
        builder.HasIndex(e => e.TimeUtc).HasDatabaseName("ix_auth_events_time_utc");
        builder.HasOne<Capture>().WithMany().HasForeignKey(e => e.CaptureId).OnDelete(DeleteBehavior.Restrict);
        // Deleting a device keeps its history: the events stay, unattributed.
        builder.HasOne<Device>().WithMany().HasForeignKey(e => e.DeviceId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<ModelVersion>().WithMany().HasForeignKey(e => e.ModelVersionId).OnDelete(DeleteBehavior.Restrict);
    }
}
