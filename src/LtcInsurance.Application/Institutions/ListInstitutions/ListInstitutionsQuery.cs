using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain.Enrollment;

namespace LtcInsurance.Application.Institutions.ListInstitutions;

/// <summary>The designated care providers of the current tenant, by agreement code.</summary>
[RequiresRole(Roles.Clerk, Roles.Admin)]
public sealed record ListInstitutionsQuery : IRequest<IReadOnlyList<InstitutionSummary>>;

/// <param name="ServiceModes">Values from <see cref="CareServiceModes"/>.</param>
public sealed record InstitutionSummary(
    Guid Id,
    string Code,
    string Name,
    IReadOnlyList<string> ServiceModes,
    int? MedicalInstitutionLevel,
    string RegionCode,
    InstitutionStatus Status);
