using LtcInsurance.Domain.Calendar;
using LtcInsurance.Domain.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LtcInsurance.Infrastructure.Persistence.Configurations;

/// <summary>calendar_days (migration 20261207104000_WorkingCalendar): a tenant's holidays and make-up working days.</summary>
internal sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> builder)
    {
        builder.ToTable("calendar_days", t =>
            t.HasCheckConstraint("ck_calendar_days_kind", $"kind IN ('{CalendarDay.Holiday}', '{CalendarDay.Workday}')"));
        builder.HasKey(d => new { d.TenantId, d.Day });
        builder.Property(d => d.TenantId).HasMaxLength(32);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(d => d.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(d => d.Kind).HasMaxLength(16);
        builder.Property(d => d.Name).HasMaxLength(CalendarDay.NameMaxLength);
        builder.Property(d => d.ChangedBy).HasMaxLength(256);
        builder.Ignore(d => d.IsWorkingDay);
    }
}

/// <summary>calendar_changes (migration 20261207104000_WorkingCalendar): every change of the calendar, append-only.</summary>
internal sealed class CalendarChangeConfiguration : IEntityTypeConfiguration<CalendarChange>
{
    public void Configure(EntityTypeBuilder<CalendarChange> builder)
    {
        builder.ToTable("calendar_changes", t =>
        {
            t.HasCheckConstraint("ck_calendar_changes_action",
                $"action IN ('{CalendarChange.Set}', '{CalendarChange.Remove}', '{CalendarChange.Import}')");
            t.HasCheckConstraint("ck_calendar_changes_kind", $"kind IS NULL OR kind IN ('{CalendarDay.Holiday}', '{CalendarDay.Workday}')");
        });
        builder.HasKey(c => new { c.TenantId, c.Id });
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.TenantId).HasMaxLength(32);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(c => c.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.Action).HasMaxLength(16);
        builder.Property(c => c.Kind).HasMaxLength(16);
        builder.Property(c => c.Name).HasMaxLength(CalendarDay.NameMaxLength);
        builder.Property(c => c.ActedBy).HasMaxLength(256);
        builder.HasIndex(c => new { c.TenantId, c.Day });
    }
}
