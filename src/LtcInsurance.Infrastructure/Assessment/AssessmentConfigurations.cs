using LtcInsurance.Domain.Assessment;
using LtcInsurance.Domain.Enrollment;
using LtcInsurance.Domain.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LtcInsurance.Infrastructure.Assessment;

/// <summary>assessment_applications (migration 20261207103000_DisabilityAssessment): applications and their path to a conclusion.</summary>
internal sealed class AssessmentApplicationConfiguration : IEntityTypeConfiguration<AssessmentApplication>
{
    public void Configure(EntityTypeBuilder<AssessmentApplication> builder)
    {
        builder.ToTable("assessment_applications", t =>
        {
            t.HasCheckConstraint("ck_assessment_applications_status",
                $"status IN ({string.Join(", ", ApplicationStatuses.All.Select(s => $"'{s}'"))})");
            t.HasCheckConstraint("ck_assessment_applications_kind", "kind IN ('initial', 'review')");
        });
        builder.HasKey(a => new { a.TenantId, a.Id });
        builder.Property(a => a.TenantId).HasMaxLength(32);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(a => a.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<InsuredPerson>().WithMany().HasForeignKey(a => new { a.TenantId, a.PersonId })
            .HasPrincipalKey(p => new { p.TenantId, p.Id }).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Institution>().WithMany().HasForeignKey(a => new { a.TenantId, a.ApplyingInstitutionId })
            .HasPrincipalKey(i => new { i.TenantId, i.Id }).OnDelete(DeleteBehavior.Restrict)
            .HasConstraintName("fk_assessment_applications_applying_institution");
        builder.HasOne<Institution>().WithMany().HasForeignKey(a => new { a.TenantId, a.CareInstitutionId })
            .HasPrincipalKey(i => new { i.TenantId, i.Id }).OnDelete(DeleteBehavior.Restrict)
            .HasConstraintName("fk_assessment_applications_care_institution");
        builder.HasOne<AssessmentAgency>().WithMany().HasForeignKey(a => new { a.TenantId, a.AgencyId })
            .HasPrincipalKey(g => new { g.TenantId, g.Id }).OnDelete(DeleteBehavior.Restrict)
            .HasConstraintName("fk_assessment_applications_agency");
        builder.Property(a => a.ApplicantKind).HasMaxLength(16);
        builder.Property(a => a.ApplicantName).HasMaxLength(100);
        builder.Property(a => a.Status).HasMaxLength(16);
        builder.Property(a => a.DecisionCode).HasMaxLength(64);
        builder.Property(a => a.DecisionClause).HasMaxLength(300);
        builder.Property(a => a.DecisionMessage).HasMaxLength(1000);
        builder.Property(a => a.ConclusionLevelLabel).HasMaxLength(32);
        builder.Property(a => a.ConclusionInstrument).HasMaxLength(32);
        builder.Property(a => a.RegisteredBy).HasMaxLength(256);
        builder.HasIndex(a => new { a.TenantId, a.Status });
        builder.Ignore(a => a.IsOpen);

        // publicity, objection and 复评, delivery (migration 20261207110000_PublicityObjectionDelivery)
        builder.Property(a => a.Kind).HasMaxLength(16);
        builder.HasOne<AssessmentApplication>().WithMany().HasForeignKey(a => new { a.TenantId, a.ReviewOfId })
            .HasPrincipalKey(a => new { a.TenantId, a.Id }).OnDelete(DeleteBehavior.Restrict)
            .HasConstraintName("fk_assessment_applications_review_of");
        builder.Property(a => a.ObjectionReason).HasMaxLength(500);
        builder.Property(a => a.DeliveryMethod).HasMaxLength(16);
        builder.Ignore(a => a.IsReview);
    }
}

/// <summary>assessment_agencies: designated assessment agencies with their agreement dates.</summary>
internal sealed class AssessmentAgencyConfiguration : IEntityTypeConfiguration<AssessmentAgency>
{
    public void Configure(EntityTypeBuilder<AssessmentAgency> builder)
    {
        builder.ToTable("assessment_agencies");
        builder.HasKey(a => new { a.TenantId, a.Id });
        builder.Property(a => a.TenantId).HasMaxLength(32);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(a => a.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Institution>().WithMany().HasForeignKey(a => new { a.TenantId, a.CareInstitutionId })
            .HasPrincipalKey(i => new { i.TenantId, i.Id }).OnDelete(DeleteBehavior.Restrict)
            .HasConstraintName("fk_assessment_agencies_care_institution");
        builder.Property(a => a.Code).HasMaxLength(32);
        builder.HasIndex(a => new { a.TenantId, a.Code }).IsUnique();
        builder.Property(a => a.Name).HasMaxLength(200);
    }
}

/// <summary>assessors: the agencies' staff with their qualification and sign-in.</summary>
internal sealed class AssessorConfiguration : IEntityTypeConfiguration<Assessor>
{
    public void Configure(EntityTypeBuilder<Assessor> builder)
    {
        builder.ToTable("assessors", t =>
            t.HasCheckConstraint("ck_assessors_qualification", "qualification IN ('assessor', 'expert')"));
        builder.HasKey(a => new { a.TenantId, a.Id });
        builder.Property(a => a.TenantId).HasMaxLength(32);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(a => a.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AssessmentAgency>().WithMany().HasForeignKey(a => new { a.TenantId, a.AgencyId })
            .HasPrincipalKey(g => new { g.TenantId, g.Id }).OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.Name).HasMaxLength(100);
        builder.Property(a => a.Qualification).HasMaxLength(16);
        builder.Property(a => a.CertificateNumber).HasMaxLength(64);
        builder.Property(a => a.UserName).HasMaxLength(256);
        builder.HasIndex(a => new { a.TenantId, a.UserName }).IsUnique();
        builder.Ignore(a => a.IsExpert);
    }
}

/// <summary>assessment_relations: relations assessors declared to people (recusal).</summary>
internal sealed class AssessorRelationConfiguration : IEntityTypeConfiguration<AssessorRelation>
{
    public void Configure(EntityTypeBuilder<AssessorRelation> builder)
    {
        builder.ToTable("assessment_relations");
        builder.HasKey(r => new { r.TenantId, r.Id });
        builder.Property(r => r.TenantId).HasMaxLength(32);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(r => r.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Assessor>().WithMany().HasForeignKey(r => new { r.TenantId, r.AssessorId })
            .HasPrincipalKey(a => new { a.TenantId, a.Id }).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<InsuredPerson>().WithMany().HasForeignKey(r => new { r.TenantId, r.PersonId })
            .HasPrincipalKey(p => new { p.TenantId, p.Id }).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.Relation).HasMaxLength(100);
    }
}

/// <summary>assessment_records: on-site assessments with scores, level, trace and the two experts' confirmations.</summary>
internal sealed class OnSiteAssessmentConfiguration : IEntityTypeConfiguration<OnSiteAssessment>
{
    public void Configure(EntityTypeBuilder<OnSiteAssessment> builder)
    {
        builder.ToTable("assessment_records", t =>
        {
            t.HasCheckConstraint("ck_assessment_records_two_experts",
                "second_confirmed_by IS NULL OR (first_confirmed_by IS NOT NULL AND lower(second_confirmed_by) <> lower(first_confirmed_by) AND second_expert_id <> first_expert_id)");
            t.HasCheckConstraint("ck_assessment_records_staff", "cardinality(staff_ids) >= 2");
        });
        builder.HasKey(r => new { r.TenantId, r.Id });
        builder.Property(r => r.TenantId).HasMaxLength(32);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(r => r.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AssessmentApplication>().WithMany().HasForeignKey(r => new { r.TenantId, r.ApplicationId })
            .HasPrincipalKey(a => new { a.TenantId, a.Id }).OnDelete(DeleteBehavior.Restrict)
            .HasConstraintName("fk_assessment_records_application");
        builder.HasIndex(r => new { r.TenantId, r.ApplicationId }).IsUnique();
        builder.HasOne<AssessmentAgency>().WithMany().HasForeignKey(r => new { r.TenantId, r.AgencyId })
            .HasPrincipalKey(g => new { g.TenantId, g.Id }).OnDelete(DeleteBehavior.Restrict);
        builder.Property(r => r.AttendantName).HasMaxLength(100);
        builder.Property(r => r.AttendantRelation).HasMaxLength(50);
        builder.Property(r => r.EvidenceReferences).HasMaxLength(2000);
        builder.Property(r => r.Instrument).HasMaxLength(32);
        builder.Property(r => r.Items).HasColumnType("jsonb");
        builder.Property(r => r.Totals).HasColumnType("jsonb");
        builder.Property(r => r.Trace).HasColumnType("jsonb");
        builder.Property(r => r.LevelLabel).HasMaxLength(32);
        builder.Property(r => r.RecordedBy).HasMaxLength(256);
        builder.Property(r => r.FirstConfirmedBy).HasMaxLength(256);
        builder.Property(r => r.SecondConfirmedBy).HasMaxLength(256);
        builder.Ignore(r => r.IsConfirmed);
    }
}
