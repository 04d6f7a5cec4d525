using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Benefits.EndEntitlement;

/// <summary>
/// Ends an entitlement before its validity runs out, by the engine's end rule: on death (<see cref="EventDay"/> the day of
/// death, still counted), loss of insurance (the first day no longer insured; the entitlement ends the day before) or a
/// new conclusion that opens no benefits (the day it was made). A new conclusion that does open benefits closes the old
/// entitlement itself when its service choice is recorded.
/// </summary>
[RequiresRole(Roles.Clerk)]
public sealed record EndEntitlementCommand(Guid EntitlementId, string Reason, DateOnly EventDay) : IRequest<EntitlementEnded>;

public sealed record EntitlementEnded(Guid EntitlementId, DateOnly LastDay, string Reason, string Message);
