using LtcInsurance.Domain.Tenants;
using LtcInsurance.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LtcInsurance.Infrastructure.Persistence.Configurations;

internal sealed class TenantConfiguration : IEntityTypeConfiguration<Tenant>
{
    public void Configure(EntityTypeBuilder<Tenant> builder)
    {
        builder.ToTable("tenants");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).HasMaxLength(32);
        builder.Property(t => t.NameZh).HasMaxLength(100);
        builder.Property(t => t.NameEn).HasMaxLength(100);
        builder.Property(t => t.CreatedBy).HasMaxLength(100);
    }
}
