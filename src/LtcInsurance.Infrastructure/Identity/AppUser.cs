using Microsoft.AspNetCore.Identity;

namespace LtcInsurance.Infrastructure.Identity;

/// <summary>A person who signs in. Belongs to one tenant; a platform admin has no tenant.</summary>
public sealed class AppUser : IdentityUser<Guid>
{
    /// <summary>The tenant this user works in; null only for platform-wide admins.</summary>
    public string? TenantId { get; set; }

    /// <summary>Name shown in the UI (e.g. 张三).</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>For institution users: the provider (定点护理服务机构) they act for.</summary>
    public string? ProviderCode { get; set; }

    /// <summary>
    /// For assessor users: the assessment agency (评估机构) they work for, a validated code until the agencies themselves
    /// exist (issue #12).
    /// </summary>
    public string? AgencyCode { get; set; }

    /// <summary>When an admin deactivated the user (null: not deactivated). A deactivated user never signs in again; the row stays.</summary>
    public DateTimeOffset? DeactivatedAt { get; set; }

    /// <summary>
    /// The password is a one-time password an admin issued (a new user, a reset, a new city's first admin): until the
    /// user sets their own, every page sends them to 修改密码.
    /// </summary>
    public bool MustChangePassword { get; set; }
}

public sealed class AppRole : IdentityRole<Guid>
{
    public AppRole() { }

    public AppRole(string name) : base(name) { }
}
