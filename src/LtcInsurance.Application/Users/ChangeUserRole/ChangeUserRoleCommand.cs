using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Users.ChangeUserRole;

/// <summary>
/// An admin gives a user another role (with its binding: an institution user to one of the city's designated
/// institutions, an assessor to an assessment agency code); the user's open sessions end. The city's last active admin
/// keeps the admin role. Recorded in the user's history.
/// </summary>
[RequiresRole(Roles.Admin)]
public sealed record ChangeUserRoleCommand(string? UserId, string? Role, string? InstitutionCode = null, string? AgencyCode = null)
    : IRequest<UserCommandResult>
{
    internal string? Institution => string.IsNullOrWhiteSpace(InstitutionCode) ? null : InstitutionCode.Trim();

    internal string? Agency => string.IsNullOrWhiteSpace(AgencyCode) ? null : AgencyCode.Trim();
}
