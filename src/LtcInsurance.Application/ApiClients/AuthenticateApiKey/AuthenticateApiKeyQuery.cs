using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;

namespace LtcInsurance.Application.ApiClients.AuthenticateApiKey;

/// <summary>
/// Signs in an API client by its key (the REST API's <c>Authorization: Bearer</c> or <c>X-Api-Key</c>): the identity of a
/// valid, unrevoked key, or null for anything else (no key, malformed, unknown, wrong secret, revoked). Like signing in
/// with a password, it is sent before anyone is signed in.
/// </summary>
[AllowAnonymousCaller]
public sealed record AuthenticateApiKeyQuery(string? Key) : IRequest<ApiKeyIdentity?>;
