using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RfFingerprint.Registry.Entities;

namespace RfFingerprint.Registry.Data.Configurations;

internal sealed class EnrolmentConfiguration : IEntityTypeConfiguration<Enrolment>
{
    public void Configure(EntityTypeBuilder<Enrolment> builder)
    {
        builder.ToTable("enrolments");
        builder.HasKey(e => e.Id);
        builder.Ignore(e => e.Cfo);
        builder.Ignore(e => e.CfoRange);
        builder.Property(e => e.Id).HasColumnName("id");
        builder.Property(e => e.DeviceId).HasColumnName("device_id");
        builder.Property(e => e.ModelVersionId).HasColumnName("model_version_id");
        builder.Property(e => e.EmbeddingDimension).HasColumnName("embedding_dimension");
        builder.Property(e => e.EmbeddingCount).HasColumnName("embedding_count");
        builder.Property(e => e.Embeddings).HasColumnName("embeddings");
        builder.Property(e => e.ClassIndex).HasColumnName("class_index");
        builder.Property(e => e.CfoMeanHz).HasColumnName("cfo_mean_hz");
        builder.Property(e => e.CfoStdHz).HasColumnName("cfo_std_hz");
        builder.Property(e => e.CfoMinHz).HasColumnName("cfo_min_hz");
        builder.Property(e => e.CfoMaxHz).HasColumnName("cfo_max_hz");
        builder.Property(e => e.CfoCount).HasColumnName("cfo_count");
        builder.Property(e => e.CfoRangeLowerHz).HasColumnName("cfo_range_lower_hz");
        builder.Property(e => e.CfoRangeUpperHz).HasColumnName("cfo_range_upper_hz");
        builder.Property(e => e.CreatedUtc).HasColumnName("created_utc");
        builder.Property(e => e.UpdatedUtc).HasColumnName("updated_utc");
        builder.HasIndex(e => new { e.DeviceId, e.ModelVersionId }).IsUnique().HasDatabaseName("ux_enrolments_device_model");
        builder.HasIndex(e => e.ModelVersionId).HasDatabaseName("ix_enrolments_model_version_id");
        builder.HasOne<Device>().WithMany().HasForeignKey(e => e.DeviceId).OnDelete(DeleteBehavior.Cascade);
        // A model with enrolments cannot be deleted by accident.
        builder.HasOne<ModelVersion>().WithMany().HasForeignKey(e => e.ModelVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(e => e.Captures).WithOne().HasForeignKey(c => c.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
