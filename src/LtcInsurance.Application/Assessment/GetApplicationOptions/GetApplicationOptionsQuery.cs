using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Assessment.GetApplicationOptions;

/// <summary>
/// What the registration page offers the signed-in user: the care institutions it may name as applying on a person's behalf
/// (a clerk: every active institution of the city; an institution's user: its own only, and it applies only in that name)
/// and, given <see cref="IdNumber"/>, the insured person with that ID number (exact match; name and masked number only).
/// </summary>
[RequiresRole(Roles.Clerk, Roles.Institution)]
public sealed record GetApplicationOptionsQuery(string? IdNumber = null) : IRequest<ApplicationOptions>;

/// <param name="OwnInstitutionOnly">The user is a care institution's: the applicant kind is fixed to 护理机构代为申请 with its own institution.</param>
/// <param name="IdNumberProblem">Why the given ID number could not be looked up (invalid), or that no one has it.</param>
public sealed record ApplicationOptions(
    IReadOnlyList<ApplyingInstitution> Institutions, bool OwnInstitutionOnly, ApplicantPerson? Person, string? IdNumberProblem);

public sealed record ApplyingInstitution(Guid Id, string Code, string Name);

public sealed record ApplicantPerson(Guid Id, string Name, string MaskedIdNumber);
