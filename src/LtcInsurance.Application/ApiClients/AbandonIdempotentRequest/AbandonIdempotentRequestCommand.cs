using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.ApiClients.AbandonIdempotentRequest;

/// <summary>
/// Forgets an idempotency key whose request failed without an answer worth keeping (a fault, a cancelled request), so
/// the client may retry it. A key already answered is kept.
/// </summary>
[RequiresRole(Roles.Institution)]
public sealed record AbandonIdempotentRequestCommand(Guid ApiKeyId, string IdempotencyKey) : IRequest<bool>;
