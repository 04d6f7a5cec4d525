using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain;

namespace LtcInsurance.Application.Assessment.RegisterApplication;

/// <summary>
/// Registers an application for a disability assessment (评估申请) of a person on the register: by the person, the family
/// (家属或监护人) or a care institution on the person's behalf (<see cref="Domain.Assessment.ApplicantKinds"/>).
/// <see cref="Documents"/> is the checklist of materials provided (<see cref="Domain.Assessment.ApplicationDocuments"/>).
/// The acceptance deadline (working days) and the completion period are computed from the tenant's calendar and parameters.
/// </summary>
[RequiresRole(Roles.Clerk, Roles.Institution)]
public sealed record RegisterApplicationCommand(
    PersonId PersonId,
    string ApplicantKind,
    string ApplicantName,
    DateOnly AppliedOn,
    IReadOnlyList<string> Documents,
    DateOnly? DisabledSince = null,
    bool ConditionChanged = false,
    Guid? ApplyingInstitutionId = null,
    Guid? CareInstitutionId = null) : IRequest<ApplicationRegistered>;

/// <summary>The new application with its deadlines.</summary>
public sealed record ApplicationRegistered(Guid ApplicationId, DateOnly AcceptanceDueOn, DateOnly CompleteBy);
