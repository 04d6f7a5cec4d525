using LtcInsurance.Domain.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LtcInsurance.Infrastructure.Auditing;

/// <summary>
/// The mapping both audit tables share (<c>audit_events</c>, <c>platform_audit_events</c>): the table with its kind and
/// outcome checks, and the lengths of the <see cref="AuditLine"/> columns. The keys, indexes and the tenant are each
/// table's own.
/// </summary>
internal static class AuditLineColumns
{
    public static void Configure<T>(EntityTypeBuilder<T> builder, string table)
        where T : AuditLine
    {
        builder.ToTable(table, t =>
        {
            t.HasCheckConstraint($"ck_{table}_kind", $"kind IN ({Quoted(AuditKinds.All)})");
            t.HasCheckConstraint($"ck_{table}_outcome", $"outcome IN ({Quoted(AuditOutcomes.All)})");
        });
        builder.Property(e => e.Kind).HasMaxLength(AuditLine.KindLength);
        builder.Property(e => e.Action).HasMaxLength(AuditLine.ActionLength);
        builder.Property(e => e.Outcome).HasMaxLength(AuditLine.OutcomeLength);
        builder.Property(e => e.UserName).HasMaxLength(AuditLine.UserLength);
        builder.Property(e => e.UserId).HasMaxLength(AuditLine.UserLength);
        builder.Property(e => e.ClientAddress).HasMaxLength(AuditLine.ClientAddressLength);
        builder.Property(e => e.EntityType).HasMaxLength(AuditLine.EntityTypeLength);
        builder.Property(e => e.EntityId).HasMaxLength(AuditLine.EntityIdLength);
        builder.Property(e => e.Request).HasMaxLength(AuditLine.TextLength);
        builder.Property(e => e.BeforeValue).HasMaxLength(AuditLine.TextLength);
        builder.Property(e => e.AfterValue).HasMaxLength(AuditLine.TextLength);
        builder.Property(e => e.Message).HasMaxLength(AuditLine.MessageLength);
    }

    /// <summary><c>'change', 'view', 'export'</c>: the values a check allows.</summary>
    private static string Quoted(IEnumerable<string> values) => string.Join(", ", values.Select(v => $"'{v}'"));
}
