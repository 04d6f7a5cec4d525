using LtcInsurance.Application.Accounts;

namespace LtcInsurance.Web.Security;

/// <summary>Claims the application adds to the sign-in cookie, beside Identity's own (<see cref="AccountClaimTypes"/>).</summary>
public static class LtcClaimTypes
{
    /// <summary>The tenant the user belongs to (absent for platform admins).</summary>
    public const string Tenant = AccountClaimTypes.Tenant;

    /// <summary>The tenant a platform admin has chosen to act in; ignored for anyone else.</summary>
    public const string ActingTenant = AccountClaimTypes.ActingTenant;

    public const string DisplayName = AccountClaimTypes.DisplayName;

    public const string ProviderCode = AccountClaimTypes.ProviderCode;
}
