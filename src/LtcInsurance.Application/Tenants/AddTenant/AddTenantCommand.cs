using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Tenants.AddTenant;

/// <summary>
/// A platform admin opens a city as a tenant from its registered module (<see cref="Domain.Policies.CityRegistry"/>): the
/// tenant row (with who opened it and when), the chart of accounts the module declares, and the city's first admin user
/// <c>admin.&lt;id&gt;</c> with a one-time password returned once, here, and stored only hashed. An unknown module or a
/// city that is already a tenant is refused with a Chinese message and nothing is written; a city's own admin is
/// refused (<see cref="ForbiddenAccessException"/>).
/// </summary>
[RequiresRole(Roles.Admin)]
public sealed record AddTenantCommand(string? TenantId) : IRequest<AddTenantResult>
{
    internal string Trimmed => TenantId?.Trim() ?? "";
}

/// <summary>
/// The outcome: added (with the admin's user name and one-time password, shown once and never stored in clear) or
/// refused with a Chinese message.
/// </summary>
public sealed record AddTenantResult(
    bool Added,
    string TenantId,
    string? Refusal = null,
    string? NameZh = null,
    int Accounts = 0,
    string? AdminUserName = null,
    string? OneTimePassword = null)
{
    public static AddTenantResult Refused(string tenantId, string message) => new(false, tenantId, message);
}
