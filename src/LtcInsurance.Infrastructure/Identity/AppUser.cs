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
}

public sealed class AppRole : IdentityRole<Guid>
{
    public AppRole() { }

    public AppRole(string name) : base(name) { }
}
