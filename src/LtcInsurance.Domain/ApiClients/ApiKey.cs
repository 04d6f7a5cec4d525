using LtcInsurance.Domain.Tenants;

namespace LtcInsurance.Domain.ApiClients;

/// <summary>
/// A REST API client's key (table <c>api_keys</c>): bound to one tenant and one provider (an institution of that tenant),
/// stored only as the SHA-256 of its secret (<see cref="ApiKeySecret"/>), shown once when created. A key is revoked,
/// never deleted or reused; the time it was last used is kept (to the minute) so a provider sees which keys are alive.
/// </summary>
public sealed class ApiKey : ITenantOwned
{
    public const int NameMaxLength = 100;

    private ApiKey()
    {
    }

    public string TenantId { get; private init; } = "";

    public Guid Id { get; private init; }

    /// <summary>The provider the key acts for: its requests see and write only this institution's claims.</summary>
    public Guid InstitutionId { get; private init; }

    /// <summary>What the client is, e.g. 护理管理系统对接: for people to tell keys apart.</summary>
    public string Name { get; private init; } = "";

    /// <summary>SHA-256 of the secret part of the key, lower-case hex (64 characters).</summary>
    public string SecretHash { get; private init; } = "";

    public string CreatedBy { get; private init; } = "";

    public DateTimeOffset CreatedAt { get; private init; }

    public string? RevokedBy { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public DateTimeOffset? LastUsedAt { get; private set; }

    public bool IsRevoked => RevokedAt is not null;

    /// <summary>The readable beginning of the key (never enough to use it), shown in lists.</summary>
    public string Prefix => ApiKeySecret.PrefixOf(TenantId, Id);

    public static ApiKey Create(string tenantId, Guid id, Guid institutionId, string name, string secretHash, string createdBy, DateTimeOffset createdAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(secretHash);
        ArgumentException.ThrowIfNullOrWhiteSpace(createdBy);
        return new ApiKey
        {
            TenantId = tenantId, Id = id, InstitutionId = institutionId, Name = name.Trim(), SecretHash = secretHash,
            CreatedBy = createdBy, CreatedAt = createdAt,
        };
    }

    /// <summary>Revokes the key (its next request is refused); false when it was revoked already (nothing changes).</summary>
    public bool Revoke(string by, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        if (IsRevoked)
            return false;
        RevokedBy = by;
        RevokedAt = at;
        return true;
    }
}
