using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Assessment.DesignateAgency;

/// <summary>
/// Records a designated assessment agency (定点评估机构) and its agreement dates. <see cref="CareInstitutionId"/>: the care
/// institution that is the same organisation; <see cref="ActsAsHandlingAgency"/>: it also acts as 经办 (both bar it from
/// assessing under three-way separation).
/// </summary>
[RequiresRole(Roles.Admin, Roles.Clerk)]
public sealed record DesignateAgencyCommand(
    string Code, string Name, DateOnly AgreementFrom, DateOnly? AgreementTo = null, Guid? CareInstitutionId = null, bool ActsAsHandlingAgency = false)
    : IRequest<Guid>;
