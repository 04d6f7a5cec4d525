using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Assessment.RecordDelivery;

/// <summary>
/// Records the delivery (送达) of a concluded application's conclusion letter on <see cref="DeliveredOn"/> by
/// <see cref="Method"/> (one of <c>DeliveryMethods</c>); the answer says whether it was within the 30 working days of
/// acceptance (the tenant's assessmentDeliveryWorkingDays, 29号). Once only.
/// </summary>
[RequiresRole(Roles.Clerk)]
public sealed record RecordDeliveryCommand(Guid ApplicationId, DateOnly DeliveredOn, string Method) : IRequest<DeliveryRecorded>;

public sealed record DeliveryRecorded(DateOnly DeliveredOn, string Method, DateOnly? DueOn, bool OnTime, string Message);
