namespace LtcInsurance.Application.Accounts;

/// <summary>Claims the application adds to the sign-in cookie, beside Identity's own.</summary>
public static class AccountClaimTypes
{
    /// <summary>The tenant the user belongs to (absent for platform admins).</summary>
    public const string Tenant = "ltc:tenant";

    /// <summary>The tenant a platform admin has chosen to act in; ignored for anyone else.</summary>
    public const string ActingTenant = "ltc:acting-tenant";

    public const string DisplayName = "ltc:display-name";

    public const string ProviderCode = "ltc:provider";

    /// <summary>Present while the user signs in with a one-time password: every page but 修改密码 is closed to them.</summary>
    public const string MustChangePassword = "ltc:must-change-password";
}
