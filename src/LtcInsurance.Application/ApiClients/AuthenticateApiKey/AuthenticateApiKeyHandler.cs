using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Domain.ApiClients;

namespace LtcInsurance.Application.ApiClients.AuthenticateApiKey;

internal sealed class AuthenticateApiKeyHandler(IApiKeyDirectory directory, TimeProvider clock) : IRequestHandler<AuthenticateApiKeyQuery, ApiKeyIdentity?>
{
    public async Task<ApiKeyIdentity?> Handle(AuthenticateApiKeyQuery request, CancellationToken cancellationToken)
    {
        if (!ApiKeySecret.TryParse(request.Key, out var tenantId, out var id, out var secret))
            return null;
        var stored = await directory.FindAsync(tenantId, id, cancellationToken);
        // The hash is compared in constant time; an unknown id costs a comparison against nothing, which is cheap but
        // reveals only that the (random, unguessable) id does not exist.
        if (stored is null || !ApiKeySecret.Matches(secret, stored.SecretHash) || stored.Revoked)
            return null;
        var now = clock.GetUtcNow();
        if (stored.LastUsedAt is null || now - stored.LastUsedAt > TimeSpan.FromMinutes(1))
            await directory.MarkUsedAsync(tenantId, id, now, cancellationToken);
        return new ApiKeyIdentity(stored.TenantId, stored.Id, stored.Name, stored.ProviderCode);
    }
}
