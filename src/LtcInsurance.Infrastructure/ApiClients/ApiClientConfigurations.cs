using LtcInsurance.Domain.ApiClients;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LtcInsurance.Infrastructure.ApiClients;

/// <summary>api_keys (migration 20261207126000_ApiClients): keys of REST API clients, stored hashed.</summary>
internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("api_keys", t => t.HasCheckConstraint("ck_api_keys_revoked", "(revoked_at IS NULL) = (revoked_by IS NULL)"));
        builder.HasKey(k => new { k.TenantId, k.Id });
        builder.Property(k => k.Id).ValueGeneratedNever();
        builder.Property(k => k.TenantId).HasMaxLength(32);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(k => k.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Institution>().WithMany().HasForeignKey(k => new { k.TenantId, k.InstitutionId }).OnDelete(DeleteBehavior.Restrict)
            .HasConstraintName("fk_api_keys_institutions_tenant_id_institution_id");
        builder.Property(k => k.Name).HasMaxLength(ApiKey.NameMaxLength);
        builder.Property(k => k.SecretHash).HasMaxLength(64);
        builder.Property(k => k.CreatedBy).HasMaxLength(256);
        builder.Property(k => k.RevokedBy).HasMaxLength(256);
        builder.Ignore(k => k.IsRevoked);
        builder.Ignore(k => k.Prefix);
        builder.HasIndex(k => new { k.TenantId, k.InstitutionId });
    }
}

/// <summary>api_idempotency_keys (migration 20261207126000_ApiClients): Idempotency-Key of API POSTs and their responses.</summary>
internal sealed class ApiIdempotencyRecordConfiguration : IEntityTypeConfiguration<ApiIdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<ApiIdempotencyRecord> builder)
    {
        builder.ToTable("api_idempotency_keys");
        builder.HasKey(r => new { r.TenantId, r.ApiKeyId, r.IdempotencyKey });
        builder.Property(r => r.TenantId).HasMaxLength(32);
        builder.HasOne<ApiKey>().WithMany().HasForeignKey(r => new { r.TenantId, r.ApiKeyId }).OnDelete(DeleteBehavior.Restrict)
            .HasConstraintName("fk_api_idempotency_keys_api_keys_tenant_id_api_key_id");
        builder.Property(r => r.IdempotencyKey).HasMaxLength(ApiIdempotencyRecord.KeyMaxLength);
        builder.Property(r => r.RequestHash).HasMaxLength(64);
        builder.Property(r => r.Method).HasMaxLength(8);
        builder.Property(r => r.Path).HasMaxLength(300);
        builder.Property(r => r.ResponseContentType).HasMaxLength(100);
        builder.Ignore(r => r.IsCompleted);
    }
}
