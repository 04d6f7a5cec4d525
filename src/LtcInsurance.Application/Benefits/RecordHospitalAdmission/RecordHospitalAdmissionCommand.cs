using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;
using LtcInsurance.Domain;

namespace LtcInsurance.Application.Benefits.RecordHospitalAdmission;

/// <summary>
/// Records an insured person's admission to hospital (住院). Where the city suspends benefits during a stay
/// (<c>suspendDuringHospitalStay</c>), the days after admission until discharge do not count. One open stay at a time.
/// </summary>
[RequiresRole(Roles.Clerk, Roles.Institution)]
public sealed record RecordHospitalAdmissionCommand(PersonId Person, DateOnly Admitted, string Hospital) : IRequest<HospitalStayRecorded>;

public sealed record HospitalStayRecorded(Guid StayId, DateOnly Admitted, DateOnly? Discharged, string Message);
