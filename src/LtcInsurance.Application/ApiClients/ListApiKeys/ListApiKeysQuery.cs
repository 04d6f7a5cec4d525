using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Security;

namespace LtcInsurance.Application.ApiClients.ListApiKeys;

/// <summary>
/// The API keys an institution user's institution has (a city admin: every key of the city), newest first, without their
/// secrets: the prefix, who created and revoked them when, and when each was last used.
/// </summary>
[RequiresRole(Roles.Institution, Roles.Admin)]
public sealed record ListApiKeysQuery : IRequest<IReadOnlyList<ApiKeyView>>;

public sealed record ApiKeyView(Guid Id, string Name, string ProviderCode, string InstitutionName, string Prefix, string CreatedBy,
    DateTimeOffset CreatedAt, string? RevokedBy, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt)
{
    public bool IsRevoked => RevokedAt is not null;
}
