using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.ApiClients.CreateApiKey;

/// <summary>
/// Creates an API key for a provider: an institution user for its own institution (<paramref name="ProviderCode"/> empty
/// or its own code), a city admin for any institution of the city. The answer carries the key itself, the only time it is
/// ever shown: only its hash is stored.
/// </summary>
[RequiresRole(Roles.Institution, Roles.Admin)]
public sealed record CreateApiKeyCommand(string? Name, string? ProviderCode = null) : IRequest<CreatedApiKey>;

/// <summary>The new key: <see cref="Key"/> is shown once and cannot be read again.</summary>
public sealed record CreatedApiKey(Guid Id, string Name, string ProviderCode, string Prefix, string Key);
