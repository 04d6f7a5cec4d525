using LtcInsurance.Domain.Attachments;
using LtcInsurance.Domain.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LtcInsurance.Infrastructure.Persistence.Configurations;

/// <summary>attachments (migration 20261207104100_Attachments): files kept in the database, never changed.</summary>
internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> builder)
    {
        builder.ToTable("attachments", t =>
        {
            t.HasCheckConstraint("ck_attachments_content_type", "content_type IN ('application/pdf', 'image/jpeg', 'image/png')");
            t.HasCheckConstraint("ck_attachments_size", "size_bytes > 0 AND size_bytes = octet_length(content)");
        });
        builder.HasKey(a => new { a.TenantId, a.Id });
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.TenantId).HasMaxLength(32);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(a => a.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.OwnerKind).HasMaxLength(32);
        builder.Property(a => a.OwnerId).HasMaxLength(64);
        builder.Property(a => a.FileName).HasMaxLength(AttachmentFileName.MaxLength);
        builder.Property(a => a.ContentType).HasMaxLength(64);
        builder.Property(a => a.Sha256).HasMaxLength(64);
        builder.Property(a => a.UploadedBy).HasMaxLength(256);
        builder.HasIndex(a => new { a.TenantId, a.OwnerKind, a.OwnerId });
    }
}
