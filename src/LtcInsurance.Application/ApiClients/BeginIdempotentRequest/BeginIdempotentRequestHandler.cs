using LtcInsurance.Application.Common.Messaging;
using LtcInsurance.Application.Common.Persistence;
using LtcInsurance.Application.Common.Security;
using LtcInsurance.Domain.ApiClients;
using Microsoft.EntityFrameworkCore;

namespace LtcInsurance.Application.ApiClients.BeginIdempotentRequest;

internal sealed class BeginIdempotentRequestHandler(ILtcDbContext db, ICurrentUser current, TimeProvider clock)
    : IRequestHandler<BeginIdempotentRequestCommand, IdempotencyStart>
{
    public async Task<IdempotencyStart> Handle(BeginIdempotentRequestCommand request, CancellationToken cancellationToken)
    {
        IdempotencyAccess.RequireKey(current.User, request.ApiKeyId);
        if (await FindAsync(request, cancellationToken) is { } earlier)
            return Decide(earlier, request);

        var tenantId = db.CurrentTenantId ?? throw new ForbiddenAccessException();
        db.Set<ApiIdempotencyRecord>().Add(ApiIdempotencyRecord.Begin(tenantId, request.ApiKeyId, request.IdempotencyKey, request.RequestHash,
            request.Method, request.Path, clock.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new IdempotencyStart(IdempotencyOutcomes.Started);
        }
        catch (DbUpdateException)
        {
            // A concurrent request with the same key recorded it first.
            if (await FindAsync(request, cancellationToken) is { } concurrent)
                return Decide(concurrent, request);
            throw;
        }
    }

    private Task<ApiIdempotencyRecord?> FindAsync(BeginIdempotentRequestCommand request, CancellationToken cancellationToken) =>
        db.Set<ApiIdempotencyRecord>().AsNoTracking()
            .SingleOrDefaultAsync(r => r.ApiKeyId == request.ApiKeyId && r.IdempotencyKey == request.IdempotencyKey, cancellationToken);

    private static IdempotencyStart Decide(ApiIdempotencyRecord earlier, BeginIdempotentRequestCommand request)
    {
        if (!string.Equals(earlier.RequestHash, request.RequestHash, StringComparison.Ordinal))
            return new IdempotencyStart(IdempotencyOutcomes.Mismatch);
        return earlier.IsCompleted
            ? new IdempotencyStart(IdempotencyOutcomes.Replay, earlier.ResponseStatus, earlier.ResponseContentType, earlier.ResponseBody)
            : new IdempotencyStart(IdempotencyOutcomes.InProgress);
    }
}
