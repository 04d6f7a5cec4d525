namespace LtcInsurance.Application.ApiClients;

/// <summary>
/// Looks up API keys before anyone is signed in: the key names its tenant, and the lookup acts for that tenant only
/// (the key table is walled by row-level security, so it cannot be searched across cities). Infrastructure implements it
/// over a context of its own; only <see cref="AuthenticateApiKey.AuthenticateApiKeyQuery"/> uses it.
/// </summary>
public interface IApiKeyDirectory
{
    /// <summary>The key <paramref name="keyId"/> of <paramref name="tenantId"/> with its provider's code, or null.</summary>
    Task<ApiKeyCredential?> FindAsync(string tenantId, Guid keyId, CancellationToken cancellationToken = default);

    /// <summary>Records that the key was used at <paramref name="at"/> (at most once a minute per key).</summary>
    Task MarkUsedAsync(string tenantId, Guid keyId, DateTimeOffset at, CancellationToken cancellationToken = default);
}

/// <summary>A stored key as the directory finds it: the hash to compare, its client's name and provider.</summary>
public sealed record ApiKeyCredential(string TenantId, Guid Id, string Name, string SecretHash, string ProviderCode, bool Revoked,
    DateTimeOffset? LastUsedAt);

/// <summary>
/// Who an accepted API key is: its tenant, id, client name and provider. The host turns it into the request's user (role
/// <c>institution</c>, the tenant, the provider code), so the use cases and both tenant walls apply as for a signed-in user.
/// </summary>
public sealed record ApiKeyIdentity(string TenantId, Guid KeyId, string Name, string ProviderCode)
{
    /// <summary>The user id an API key's requests carry (<c>api-key:&lt;id&gt;</c>).</summary>
    public string UserId => UserIdOf(KeyId);

    /// <summary>The name recorded for what the key does (recorded_by, submitted_by): <c>api:&lt;provider&gt;:&lt;key id, 8 hex&gt;</c>.</summary>
    public string UserName => $"api:{ProviderCode}:{KeyId.ToString("N")[..8]}";

    public static string UserIdOf(Guid keyId) => $"api-key:{keyId:N}";
}
