using LtcInsurance.Domain.Tenants;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LtcInsurance.Infrastructure.Enrollment;

// Every table here belongs to a person of the register: the foreign key carries tenant_id, so a row can only ever
// point at a person of its own tenant (and the tables can be distributed by tenant).

internal sealed class EnrollmentPeriodConfiguration : IEntityTypeConfiguration<EnrollmentPeriod>
{
    public void Configure(EntityTypeBuilder<EnrollmentPeriod> builder)
    {
        builder.ToTable("enrollment_periods");
        builder.HasKey(e => new { e.TenantId, e.Id });
        builder.Property(e => e.TenantId).HasMaxLength(32);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(e => e.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<InsuredPerson>().WithMany().HasForeignKey(e => new { e.TenantId, e.PersonId })
            .HasPrincipalKey(p => new { p.TenantId, p.Id }).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.TenantId, e.PersonId, e.StartDate }).IsUnique();
        builder.Property(e => e.Scheme).HasMaxLength(16);
        builder.Property(e => e.MonthlyBase).HasPrecision(18, 2);
        builder.Ignore(e => e.Range);
    }
}

internal sealed class PersonStatusPeriodConfiguration : IEntityTypeConfiguration<PersonStatusPeriod>
{
    public void Configure(EntityTypeBuilder<PersonStatusPeriod> builder)
    {
        builder.ToTable("person_status_periods");
        builder.HasKey(s => new { s.TenantId, s.Id });
        builder.Property(s => s.TenantId).HasMaxLength(32);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(s => s.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<InsuredPerson>().WithMany().HasForeignKey(s => new { s.TenantId, s.PersonId })
            .HasPrincipalKey(p => new { p.TenantId, p.Id }).OnDelete(DeleteBehavior.Restrict);
        // The same certification imported twice is one row (the import's ON CONFLICT relies on this).
        builder.HasIndex(s => new { s.TenantId, s.PersonId, s.Status, s.FromDate }).IsUnique();
        builder.Property(s => s.Status).HasMaxLength(32);
    }
}

internal sealed class GuardianLinkConfiguration : IEntityTypeConfiguration<GuardianLink>
{
    public void Configure(EntityTypeBuilder<GuardianLink> builder)
    {
        builder.ToTable("guardian_links");
        builder.HasKey(g => new { g.TenantId, g.MinorId });
        builder.Property(g => g.TenantId).HasMaxLength(32);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(g => g.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<InsuredPerson>().WithMany().HasForeignKey(g => new { g.TenantId, g.MinorId })
            .HasPrincipalKey(p => new { p.TenantId, p.Id }).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<InsuredPerson>().WithMany().HasForeignKey(g => new { g.TenantId, g.GuardianId })
            .HasPrincipalKey(p => new { p.TenantId, p.Id }).OnDelete(DeleteBehavior.Restrict);
        builder.Property(g => g.Relationship).HasMaxLength(16);
    }
}

internal sealed class DeathRecordConfiguration : IEntityTypeConfiguration<DeathRecord>
{
    public void Configure(EntityTypeBuilder<DeathRecord> builder)
    {
        builder.ToTable("death_records");
        builder.HasKey(d => new { d.TenantId, d.PersonId });
        builder.Property(d => d.TenantId).HasMaxLength(32);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(d => d.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<InsuredPerson>().WithOne().HasForeignKey<DeathRecord>(d => new { d.TenantId, d.PersonId })
            .HasPrincipalKey<InsuredPerson>(p => new { p.TenantId, p.Id }).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PersonChangeConfiguration : IEntityTypeConfiguration<PersonChange>
{
    public void Configure(EntityTypeBuilder<PersonChange> builder)
    {
        builder.ToTable("person_changes");
        builder.HasKey(c => new { c.TenantId, c.Id });
        builder.Property(c => c.TenantId).HasMaxLength(32);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(c => c.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<InsuredPerson>().WithMany().HasForeignKey(c => new { c.TenantId, c.PersonId })
            .HasPrincipalKey(p => new { p.TenantId, p.Id }).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.TenantId, c.PersonId, c.ChangedAt });
        builder.HasIndex(c => new { c.TenantId, c.ImportJobId });
        builder.Property(c => c.Field).HasMaxLength(32);
        builder.Property(c => c.BeforeValue).HasMaxLength(500);
        builder.Property(c => c.AfterValue).HasMaxLength(500);
        builder.Property(c => c.Note).HasMaxLength(500);
        builder.Property(c => c.ChangedBy).HasMaxLength(256);
    }
}
