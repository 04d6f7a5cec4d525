namespace LtcInsurance.Application.Common.Security;

/// <summary>
/// What a user is bound to (ASP.NET Identity's platform table <c>users</c>): the role, the care institution of an
/// institution user (<c>users.provider_code</c>) and the assessment agency of an assessor (<c>users.agency_code</c>).
/// Use cases read it to restrict what institution and assessor users see and to check an assessor's linked sign-in.
/// Infrastructure implements it.
/// </summary>
public interface IUserBindings
{
    /// <summary>The user signing in as <paramref name="userName"/> (compared case-insensitively), or null.</summary>
    Task<UserBinding?> FindByUserNameAsync(string userName, CancellationToken cancellationToken = default);
}

/// <param name="TenantId">The user's city; null for a platform admin.</param>
/// <param name="Deactivated">An admin deactivated the user for good.</param>
public sealed record UserBinding(
    string UserName, string? TenantId, IReadOnlyList<string> Roles, string? InstitutionCode, string? AgencyCode, bool Deactivated);
