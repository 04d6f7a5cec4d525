using LtcInsurance.Application.Users;
using LtcInsurance.Domain.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LtcInsurance.Infrastructure.Identity;

/// <summary>
/// One thing an admin did to a user of a city (<c>user_admin_actions</c>, migration 20261207061000_UserAdminActions):
/// who, what, when, to whom. A tenant table, append-only for the application role.
/// </summary>
public sealed class UserAdminActionRecord : ITenantOwned
{
    public string TenantId { get; set; } = "";

    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    /// <summary>The user's name when the action was taken.</summary>
    public string UserName { get; set; } = "";

    /// <summary>One of <see cref="UserActions"/>.</summary>
    public string Action { get; set; } = "";

    /// <summary>What changed, in Chinese (never a password).</summary>
    public string Detail { get; set; } = "";

    public string ActedBy { get; set; } = "";

    public DateTimeOffset ActedAt { get; set; }
}

internal sealed class UserAdminActionConfiguration : IEntityTypeConfiguration<UserAdminActionRecord>
{
    public void Configure(EntityTypeBuilder<UserAdminActionRecord> builder)
    {
        builder.ToTable("user_admin_actions", t => t.HasCheckConstraint("ck_user_admin_actions_action",
            "action IN (" + string.Join(", ", UserActions.All.Select(a => $"'{a}'")) + ")"));
        builder.HasKey(a => new { a.TenantId, a.Id });
        builder.Property(a => a.TenantId).HasMaxLength(32);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(a => a.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.TenantId, a.UserId, a.ActedAt });
        builder.Property(a => a.UserName).HasMaxLength(256);
        builder.Property(a => a.Action).HasMaxLength(32);
        builder.Property(a => a.Detail).HasMaxLength(500);
        builder.Property(a => a.ActedBy).HasMaxLength(256);
    }
}
