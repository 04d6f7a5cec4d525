using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Users.CreateUser;

/// <summary>
/// An admin creates a user of a city with one role: a city's admin for their own city (<paramref name="TenantId"/> empty
/// or their own), a platform admin for the city given. The user name is unique across all cities; an institution user is
/// bound to one of the city's designated (active) care institutions, an assessor to an assessment agency code (a
/// validated code until issue #12 brings the agencies). The answer carries a one-time password, shown once, stored only
/// hashed. Recorded in the user's history.
/// </summary>
[RequiresRole(Roles.Admin)]
public sealed record CreateUserCommand(
    string? TenantId,
    string? UserName,
    string? DisplayName,
    string? Role,
    string? InstitutionCode = null,
    string? AgencyCode = null) : IRequest<UserCommandResult>
{
    internal string TrimmedUserName => UserName?.Trim() ?? "";

    internal string TrimmedDisplayName => DisplayName?.Trim() ?? "";

    internal string? Institution => string.IsNullOrWhiteSpace(InstitutionCode) ? null : InstitutionCode.Trim();

    internal string? Agency => string.IsNullOrWhiteSpace(AgencyCode) ? null : AgencyCode.Trim();
}
