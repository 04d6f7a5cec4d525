using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Application.Common.Validation;
using LtcInsurance.Domain.ApiClients;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.ApiClients.RevokeApiKey;

internal sealed class RevokeApiKeyHandler(ILtcDbContext db, ICurrentUser current, TimeProvider clock) : IRequestHandler<RevokeApiKeyCommand, bool>
{
    public async Task<bool> Handle(RevokeApiKeyCommand request, CancellationToken cancellationToken)
    {
        var key = await db.Set<ApiKey>().SingleOrDefaultAsync(k => k.Id == request.Id, cancellationToken);
        if (key is not null && ApiClientAccess.IsProviderOnly(current.User))
        {
            var own = ApiClientAccess.OwnProviderCode(current.User);
            var owner = await db.Institutions.AsNoTracking().Where(i => i.Id == key.InstitutionId).Select(i => i.Code).SingleAsync(cancellationToken);
            if (!string.Equals(owner, own, StringComparison.Ordinal))
                key = null; // another provider's key: as if it did not exist
        }

        if (key is null)
            throw new RequestValidationException([new ValidationProblem(nameof(request.Id), "没有这个 API 密钥。")]);
        if (!key.Revoke(current.Name(), clock.GetUtcNow()))
            return false;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
