using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.ApiClients.BeginIdempotentRequest;

/// <summary>
/// An API POST with an <c>Idempotency-Key</c> arrives: records the key with the request's hash (SHA-256 of method, path
/// and body) and answers <see cref="IdempotencyOutcomes.Started"/>, or, if the key was used before by the same API key, a
/// replay of the stored response (same request), <see cref="IdempotencyOutcomes.Mismatch"/> (another request) or
/// <see cref="IdempotencyOutcomes.InProgress"/> (not answered yet).
/// </summary>
[RequiresRole(Roles.Institution)]
public sealed record BeginIdempotentRequestCommand(Guid ApiKeyId, string IdempotencyKey, string RequestHash, string Method, string Path)
    : IRequest<IdempotencyStart>;
