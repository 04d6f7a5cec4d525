using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;
using LtcInsurance.Application.Benefits.RecordHospitalAdmission;

namespace LtcInsurance.Application.Benefits.RecordDischarge;

/// <summary>Records the discharge (出院) that ends a hospital stay; benefits suspended by the stay resume the day after.</summary>
[RequiresRole(Roles.Clerk, Roles.Institution)]
public sealed record RecordDischargeCommand(Guid StayId, DateOnly Discharged) : IRequest<HospitalStayRecorded>;
