using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.Providers.EndSanction;

/// <summary>
/// Ends a sanction after <paramref name="LastDay"/> (its last barred day), with a reason: once, and only earlier than
/// recorded (a longer bar is a new sanction). Who and when are kept on the sanction.
/// </summary>
[RequiresRole(Roles.Clerk, Roles.Admin)]
public sealed record EndSanctionCommand(Guid SanctionId, DateOnly LastDay, string Reason) : IRequest<DateOnly?>;
