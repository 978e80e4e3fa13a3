using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RfFingerprint.Registry.Entities;

namespace RfFingerprint.Registry.Data.Configurations;

internal sealed class EnrolmentCaptureConfiguration : IEntityTypeConfiguration<EnrolmentCapture>
{
    public void Configure(EntityTypeBuilder<EnrolmentCapture> builder)
    {
        builder.ToTable("enrolment_captures");
        builder.HasKey(c => new { c.EnrolmentId, c.CaptureId });
        builder.Property(c => c.EnrolmentId).HasColumnName("enrolment_id");
        builder.Property(c => c.CaptureId).HasColumnName("capture_id");
        builder.HasIndex(c => c.CaptureId).HasDatabaseName("ix_enrolment_captures_capture_id");
        builder.HasOne<Capture>().WithMany().HasForeignKey(c => c.CaptureId).OnDelete(DeleteBehavior.Restrict);
    }
}
