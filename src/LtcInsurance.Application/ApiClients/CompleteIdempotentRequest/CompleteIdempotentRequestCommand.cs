using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.ApiClients.CompleteIdempotentRequest;

/// <summary>Stores the response to an idempotent POST, so a retry with the same key and request gets it again.</summary>
[RequiresRole(Roles.Institution)]
public sealed record CompleteIdempotentRequestCommand(Guid ApiKeyId, string IdempotencyKey, int Status, string? ContentType, string Body)
    : IRequest<bool>;
