using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Assessment.ListAgencies;

/// <summary>
/// The designated assessment agencies (定点评估机构) of the city with their agreement (in force on <see cref="Today"/>), whether
/// they act as 经办, the care institution that is the same organisation, and their staff (评估员, 评估专家: qualification,
/// certificate, linked user) with the relations each declared (回避).
/// </summary>
[RequiresRole(Roles.Admin, Roles.Clerk, Roles.Auditor)]
public sealed record ListAgenciesQuery(DateOnly Today) : IRequest<IReadOnlyList<AgencyRow>>;

public sealed record AgencyRow(
    Guid Id, string Code, string Name, DateOnly AgreementFrom, DateOnly? AgreementTo, bool InAgreement, bool ActsAsHandlingAgency,
    Guid? CareInstitutionId, string? CareInstitutionName, IReadOnlyList<AgencyStaff> Staff);

public sealed record AgencyStaff(
    Guid Id, string Name, string Qualification, string QualificationName, string CertificateNumber, string? UserName, IReadOnlyList<StaffRelation> Relations);

public sealed record StaffRelation(Guid Id, Guid PersonId, string PersonName, string Relation, DateOnly DeclaredOn);
