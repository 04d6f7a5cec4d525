using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Benefits.RecordServiceChoice;

/// <summary>
/// 派单: after a qualifying conclusion — a first conclusion whose publicity (公示) has ended without an objection, or a
/// final 复评 conclusion — the clerk records the service mode the insured chose and the designated provider on
/// <see cref="On"/>. The entitlement (待遇资格) is created with its first day, waiting period and last day computed by the
/// policy engine (the city's benefit-start rule, the conclusion's validity, the end rules), the trace stored with it. An
/// entitlement of an earlier conclusion still running is closed the day before the new one starts (new conclusion).
/// <see cref="ServiceStart"/> is the day the provider starts service, needed where the city starts benefits then (YL).
/// </summary>
[RequiresRole(Roles.Clerk)]
public sealed record RecordServiceChoiceCommand(Guid ApplicationId, string ServiceMode, Guid InstitutionId, DateOnly On, DateOnly? ServiceStart = null)
    : IRequest<EntitlementRecorded>;

/// <param name="ClosedEntitlementId">The earlier entitlement closed by this conclusion, if any.</param>
public sealed record EntitlementRecorded(Guid EntitlementId, DateOnly From, DateOnly? To, DateOnly? WaitingUntil, string Message, Guid? ClosedEntitlementId);
