using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.ApiClients.RevokeApiKey;

/// <summary>
/// Revokes an API key: its next request is refused (401). An institution user revokes its own institution's keys, a city
/// admin any key of the city. True when revoked now, false when it was revoked already.
/// </summary>
[RequiresRole(Roles.Institution, Roles.Admin)]
public sealed record RevokeApiKeyCommand(Guid Id) : IRequest<bool>;
