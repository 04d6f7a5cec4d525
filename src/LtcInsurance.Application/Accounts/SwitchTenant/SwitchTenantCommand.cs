using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Accounts.SwitchTenant;

/// <summary>
/// A platform admin (the admin role and no tenant of their own) picks the city to act in; null or empty returns to
/// acting in no tenant. The choice travels in the protected sign-in cookie, issued again with the current response.
/// </summary>
[RequiresRole(Roles.Admin)]
public sealed record SwitchTenantCommand(string? TenantId) : IRequest<bool>;
