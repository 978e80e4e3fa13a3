using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RfFingerprint.Registry.Entities;

namespace RfFingerprint.Registry.Data.Configurations;

internal sealed class CaptureConfiguration : IEntityTypeConfiguration<Capture>
{
    public void Configure(EntityTypeBuilder<Capture> builder)
    {
        builder.ToTable("captures");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasColumnName("id");
        builder.Property(c => c.Path).HasColumnName("path").IsRequired();
        builder.Property(c => c.Sha512).HasColumnName("sha512").HasMaxLength(128).IsRequired();
        builder.Property(c => c.Source).HasColumnName("source").HasMaxLength(64).IsRequired();
        builder.Property(c => c.SampleRateHz).HasColumnName("sample_rate_hz");
        builder.Property(c => c.FrequencyHz).HasColumnName("frequency_hz");
        builder.Property(c => c.StartedUtc).HasColumnName("started_utc");
        builder.Property(c => c.RegisteredUtc).HasColumnName("registered_utc");
        builder.HasIndex(c => c.Sha512).IsUnique().HasDatabaseName("ux_captures_sha512");
    }
}
