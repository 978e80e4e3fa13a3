using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RfFingerprint.Registry.Entities;

namespace RfFingerprint.Registry.Data.Configurations;

internal sealed class ModelVersionConfiguration : IEntityTypeConfiguration<ModelVersion>
{
    public void Configure(EntityTypeBuilder<ModelVersion> builder)
    {
        builder.ToTable("model_versions");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).HasColumnName("id");
        builder.Property(m => m.FileName).HasColumnName("file_name").HasMaxLength(260).IsRequired();
        builder.Property(m => m.Sha256).HasColumnName("sha256").HasMaxLength(64).IsRequired();
        builder.Property(m => m.Kind).HasColumnName("kind").HasMaxLength(16).IsRequired()
            .HasConversion(k => EnumText.Of(k), t => EnumText.ToModelKind(t));
        builder.Property(m => m.InputSpecJson).HasColumnName("input_spec_json").IsRequired();
        builder.Property(m => m.MetricsJson).HasColumnName("metrics_json");
        builder.Property(m => m.RegisteredUtc).HasColumnName("registered_utc");
        builder.HasIndex(m => m.Sha256).IsUnique().HasDatabaseName("ux_model_versions_sha256");
    }
}
