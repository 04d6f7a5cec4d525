using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Domain.ApiClients;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.ApiClients.CompleteIdempotentRequest;

internal sealed class CompleteIdempotentRequestHandler(ILtcDbContext db, ICurrentUser current, TimeProvider clock)
    : IRequestHandler<CompleteIdempotentRequestCommand, bool>
{
    public async Task<bool> Handle(CompleteIdempotentRequestCommand request, CancellationToken cancellationToken)
    {
        IdempotencyAccess.RequireKey(current.User, request.ApiKeyId);
        var record = await db.Set<ApiIdempotencyRecord>()
            .SingleOrDefaultAsync(r => r.ApiKeyId == request.ApiKeyId && r.IdempotencyKey == request.IdempotencyKey, cancellationToken);
        if (record is null || record.IsCompleted)
            return false;
        record.Complete(request.Status, request.ContentType, request.Body, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
