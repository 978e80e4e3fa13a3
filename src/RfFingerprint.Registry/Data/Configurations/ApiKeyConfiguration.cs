using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RfFingerprint.Registry.Entities;

namespace RfFingerprint.Registry.Data.Configurations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("api_keys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Id).HasColumnName("id");
        builder.Property(k => k.Name).HasColumnName("name").HasMaxLength(200).IsRequired();
        builder.Property(k => k.Prefix).HasColumnName("prefix").HasMaxLength(32).IsRequired();
        builder.Property(k => k.Salt).HasColumnName("salt").IsRequired();
        builder.Property(k => k.Hash).HasColumnName("hash").IsRequired();
        builder.Property(k => k.Role).HasColumnName("role").HasMaxLength(16).IsRequired()
            .HasConversion(r => EnumText.Of(r), t => EnumText.ToApiKeyRole(t));
        builder.Property(k => k.CreatedUtc).HasColumnName("created_utc");
        builder.Property(k => k.RevokedUtc).HasColumnName("revoked_utc");
        builder.HasIndex(k => k.Prefix).IsUnique().HasDatabaseName("ux_api_keys_prefix");
    }
}
