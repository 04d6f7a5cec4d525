using System.Buffers.Text;
using System.Security.Cryptography;
using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Domain.ApiClients;

namespace LtcInsurance.Application.ApiClients.CreateApiKey;

internal sealed class CreateApiKeyHandler(ILtcDbContext db, ICurrentUser current, TimeProvider clock) : IRequestHandler<CreateApiKeyCommand, CreatedApiKey>
{
    public async Task<CreatedApiKey> Handle(CreateApiKeyCommand request, CancellationToken cancellationToken)
    {
        var institution = await ApiClientAccess.InstitutionAsync(db, current.User, request.ProviderCode, cancellationToken);
        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        // 256 bits from the OS's CSPRNG; the key text is never stored, only the SHA-256 of this secret.
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var key = ApiKey.Create(institution.TenantId, id, institution.Id, request.Name!, ApiKeySecret.Hash(secret), current.Name(), now);
        db.Set<ApiKey>().Add(key);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedApiKey(id, key.Name, institution.Code, key.Prefix, ApiKeySecret.Format(institution.TenantId, id, secret));
    }
}
