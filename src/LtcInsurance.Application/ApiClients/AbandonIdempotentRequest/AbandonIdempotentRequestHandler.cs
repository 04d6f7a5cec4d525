using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Domain.ApiClients;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.ApiClients.AbandonIdempotentRequest;

internal sealed class AbandonIdempotentRequestHandler(ILtcDbContext db, ICurrentUser current) : IRequestHandler<AbandonIdempotentRequestCommand, bool>
{
    public async Task<bool> Handle(AbandonIdempotentRequestCommand request, CancellationToken cancellationToken)
    {
        IdempotencyAccess.RequireKey(current.User, request.ApiKeyId);
        var removed = await db.Set<ApiIdempotencyRecord>()
            .Where(r => r.ApiKeyId == request.ApiKeyId && r.IdempotencyKey == request.IdempotencyKey && r.ResponseStatus == null)
            .ExecuteDeleteAsync(cancellationToken);
        return removed > 0;
    }
}
